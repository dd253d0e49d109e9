# The Attest image: the web app, and the `attest` CLI beside it (for `attest db migrate`, `attest centre create`, ...).
# Written without a container runtime at hand and not built by CI: see docs/operations.md, "Running the production shape
# with compose".

# global.json asks for SDK 10.0.401 or a later feature band: the image's SDK must be at least that.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY catalogue/ catalogue/
COPY src/ src/
RUN dotnet restore src/Attest.Web/Attest.Web.csproj --locked-mode \
 && dotnet restore src/Attest.Cli/Attest.Cli.csproj --locked-mode
RUN dotnet publish src/Attest.Web/Attest.Web.csproj --no-restore -c Release -o /out/app \
 && dotnet publish src/Attest.Cli/Attest.Cli.csproj --no-restore -c Release -o /out/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# ffmpeg and ffprobe read recordings' length and quality and cut them into parts (Media:FfmpegFolder empty: PATH).
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/app /app
COPY --from=build /out/cli /cli
# `attest` on the PATH, through dotnet, so it needs no apphost lookup of the runtime.
RUN printf '#!/bin/sh\nexec dotnet /cli/attest.dll "$@"\n' > /usr/local/bin/attest && chmod 755 /usr/local/bin/attest \
 && mkdir -p /var/lib/attest && chown "$APP_UID" /var/lib/attest
# Staged uploads (and, with the local store, evidence files) live here; a volume keeps them across restarts.
ENV Data__Folder=/var/lib/attest
VOLUME /var/lib/attest
# The non-root user the .NET images provide; the app listens on 8080 (ASPNETCORE_HTTP_PORTS in the base image).
USER $APP_UID
WORKDIR /app
EXPOSE 8080
ENTRYPOINT ["dotnet", "/app/Attest.Web.dll"]
