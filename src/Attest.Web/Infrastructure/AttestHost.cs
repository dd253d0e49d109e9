using Attest.Core.Accounts;
using Attest.Core.Apprenticeships;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Qualifications;
using Attest.Web.Features.Evidence.Uploads;
using Attest.Web.Infrastructure.Mail;
using Attest.Web.Infrastructure.Media;
using Attest.Web.Infrastructure.Scanning;
using Attest.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

using Attest.Web.Features.Api;

namespace Attest.Web.Infrastructure;

/// <summary>Wiring for the whole app: services, start-up work (migrations, catalogue, demo data) and the pipeline.</summary>
public static class AttestHost
{
    /// <summary>Plans are written by assessors, agreed by candidates and read by IQAs.</summary>
    private const string PlanningPolicy = "Planning";

    private const string TrackingPolicy = "Tracking";

    /// <summary>An apprentice's gateway is read by staff and the apprentice; their line manager has their own page under /Employer.</summary>
    private const string GatewayPolicy = "Gateway";

    public static void AddAttest(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var config = builder.Configuration;
        services.Configure<DataOptions>(config.GetSection(DataOptions.Section));
        services.Configure<DatabaseOptions>(config.GetSection(DatabaseOptions.Section));
        services.Configure<CatalogueOptions>(config.GetSection(CatalogueOptions.Section));
        services.AddOptions<UploadOptions>().Bind(config.GetSection(UploadOptions.Section))
            .Validate(o => o.ResumablePartBytes >= UploadOptions.SmallestPart, $"Uploads:ResumablePartBytes must be at least {UploadOptions.SmallestPart} bytes").ValidateOnStart();
        services.Configure<DemoOptions>(config.GetSection(DemoOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<AppInstance>();
        services.AddAttestTelemetry(config);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentCentre, HttpCurrentCentre>();

        // The shipped catalogue is loaded and validated once, at start: a bad file stops the app with file:line:reason.
        // A request's catalogue adds its centre's own versions of specifications (issue 16).
        services.AddSingleton(sp => SpecificationLibrary.LoadOrThrow(sp.GetRequiredService<IOptions<CatalogueOptions>>().Value.FullPath));
        services.AddSingleton(sp => OffTheJobRules.LoadOrThrow(sp.GetRequiredService<IOptions<CatalogueOptions>>().Value.FullPath));
        services.AddScoped(sp => sp.GetRequiredService<SpecificationLibrary>().CatalogueFor(sp.GetRequiredService<DbContextOptions<AttestDbContext>>(), sp.GetRequiredService<ICurrentCentre>()));
        services.AddSingleton(sp => new StagingArea(sp.GetRequiredService<IOptions<DataOptions>>().Value.FullPath));
        services.AddFileStore(config);

        services.AddDbContext<AttestDbContext>((sp, options) =>
        {
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            DatabaseOptions.Configure(options, database.Provider, database.ResolveConnectionString(sp.GetRequiredService<IOptions<DataOptions>>().Value));
            options.AddInterceptors(sp.GetRequiredService<OutboxWakeInterceptor>());
        });

        services.AddIdentity<AppUser, IdentityRole<Guid>>(AttestIdentity.Configure)
            .AddAttestStores()
            .AddSignInManager<AttestSignInManager>()
            .AddClaimsPrincipalFactory<ClaimsFactory>();
        services.AddScoped<CentreProvisioning>();
        services.AddScoped<Features.Admin.Candidates.Erasure.LearnerEraser>();
        services.AddMail(config);
        services.AddScoped<AccountService>();
        services.AddScoped<Features.Account.FailuresByAddress>();
        services.AddSingleSignOn(config);
        services.AddScoped<Features.Evidence.EvidenceIntake>();
        services.AddScoped<Features.Admin.Candidates.Import.CandidateImporter>();
        services.AddScoped<Features.Witness.TestimonyIntake>();
        services.AddSingleton<Features.Evidence.IEvidenceAnalyser, Features.Evidence.Hygiene.HygieneAnalyser>();
        services.AddSingleton<Features.Evidence.IEvidenceAnalyser, Features.Evidence.RecordingAnalyser>();
        services.AddVirusScanning(config);
        services.AddMedia(config);
        services.AddSingleton<Features.Evidence.VirusScanWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Evidence.VirusScanWorker>());
        services.AddHostedService<SqliteStatistics>();
        services.AddHostedService<Features.Tracking.StandingsRefresher>();
        services.AddResumableUploads();
        services.AddStorageSweeper();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "attest.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/Account/SignIn";
            options.LogoutPath = "/Account/SignOut";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            // Under /api the API token is the only sign-in, also where no endpoint matches: a valid token on an unknown route
            // or a wrong method gets 404 or 405, and no token 401 (never a redirect to the sign-in page).
            options.ForwardDefaultSelector = context => RequestFailures.IsApi(context) ? Features.Api.ApiTokenAuthentication.SchemeName : null;
            // A signed-in user of the wrong role gets a plain 403 page, not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, Features.Api.ApiTokenAuthentication>(Features.Api.ApiTokenAuthentication.SchemeName, null);
        services.AddOpenApi(options => options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true);
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Attest API";
            document.Info.Description = "Read-only access for a centre's MIS: candidates, enrolments, progress per unit and criterion, certification claims. Send `Authorization: Bearer <token>` with a token made by the centre administrator at /Admin/Api.";
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http, Scheme = "bearer", Description = "A centre's token, attest_{centre}.{secret}, made at /Admin/Api.",
            };
            document.Security = [new Microsoft.OpenApi.OpenApiSecurityRequirement { [new Microsoft.OpenApi.OpenApiSecuritySchemeReference("bearer", document)] = [] }];
            return Task.CompletedTask;
        }));
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddRazorPages(options =>
            {
                options.RootDirectory = "/Features";
                options.Conventions.AuthorizeFolder("/Admin", Roles.CentreAdmin);
                options.Conventions.AuthorizeFolder("/Candidate", Roles.Candidate);
                options.Conventions.AuthorizeFolder("/Assessor", Roles.Assessor);
                options.Conventions.AuthorizeFolder("/Iqa", Roles.Iqa);
                options.Conventions.AuthorizeFolder("/Eqa", Roles.Eqa);
                options.Conventions.AuthorizeFolder("/Employer", Roles.Employer);
                options.Conventions.AuthorizeFolder("/Planning", PlanningPolicy);
                options.Conventions.AuthorizeFolder("/Tracking", TrackingPolicy);
                options.Conventions.AuthorizeFolder("/Gateway", GatewayPolicy);
                options.Conventions.AllowAnonymousToPage("/Account/SignIn");
                options.Conventions.AllowAnonymousToPage("/Account/SignIn/TwoFactor");
                options.Conventions.AllowAnonymousToPage("/Account/ForgotPassword");
                options.Conventions.AllowAnonymousToPage("/Account/Password");
                options.Conventions.AllowAnonymousToFolder("/Account/Sso");
                options.Conventions.AllowAnonymousToPage("/Error");
                options.Conventions.AllowAnonymousToPage("/Witness/Testimony");
                options.Conventions.AllowAnonymousToPage("/Witness/Thanks");
                options.Conventions.AllowAnonymousToPage("/Reviews/Sign");
                options.Conventions.AllowAnonymousToPage("/Reviews/Signed");
            })
            .AddMvcOptions(options =>
            {
                options.ModelMetadataDetailsProviders.Add(new EmptyListValuesStayEmpty());
                options.Filters.Add(new FormTooLargeFilter());
                options.Filters.Add<HandlerRequiredFilter>();
                options.Filters.Add<DomainRuleFilter>();
                options.Filters.Add<IdempotencyFilter>();
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.CentreAdmin, p => p.RequireRole(Roles.CentreAdmin))
            .AddPolicy(Roles.Candidate, p => p.RequireRole(Roles.Candidate))
            .AddPolicy(Roles.Assessor, p => p.RequireRole(Roles.Assessor))
            .AddPolicy(Roles.Iqa, p => p.RequireRole(Roles.Iqa))
            .AddPolicy(Roles.Eqa, p => p.RequireRole(Roles.Eqa))
            .AddPolicy(Roles.Employer, p => p.RequireRole(Roles.Employer))
            .AddPolicy(PlanningPolicy, p => p.RequireRole(Roles.Assessor, Roles.Candidate, Roles.Iqa))
            .AddPolicy(TrackingPolicy, p => p.RequireRole(Roles.CentreAdmin, Roles.Assessor, Roles.Candidate, Roles.Iqa))
            .AddPolicy(GatewayPolicy, p => p.RequireRole(Roles.CentreAdmin, Roles.Assessor, Roles.Candidate, Roles.Iqa))
            // The API takes its own tokens only: a browser's sign-in cookie does not reach it.
            .AddPolicy(Features.Api.ApiEndpoints.Policy, p => p.AddAuthenticationSchemes(Features.Api.ApiTokenAuthentication.SchemeName).RequireRole(Features.Api.ApiTokenAuthentication.Role));

        // Keys live in the database, so sign-ins survive a restart and every instance on the same database reads the
        // same ring: a cookie or form token made by one is read by the others (issue 15, several identical instances).
        services.AddDataProtection().SetApplicationName("Attest").PersistKeysToDbContext<AttestDbContext>();
        services.AddAntiforgery(options => options.Cookie.Name = "attest.antiforgery");
        services.AddRequestFailures();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<FileStoreHealthCheck>("fileStore")
            .AddCheck<OutboxHealthCheck>("outbox");
        // Counted in the database, so a limit holds across every instance (SharedRateLimits).
        services.AddScoped<SharedRateLimiter>();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
            kestrel.Limits.MaxRequestBodySize = context.Configuration.GetValue(UploadOptions.Section + ":" + nameof(UploadOptions.MaxFileBytes), new UploadOptions().MaxFileBytes) + (1024 * 1024));
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(options =>
            options.MultipartBodyLengthLimit = config.GetValue(UploadOptions.Section + ":" + nameof(UploadOptions.MaxFileBytes), new UploadOptions().MaxFileBytes) + (1024 * 1024));
    }

    /// <summary>Start-up work: migrate, load the catalogue, seed demo data on the embedded default.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var library = app.Services.GetRequiredService<SpecificationLibrary>();
        var shipped = library.Shipped;
        _ = app.Services.GetRequiredService<OffTheJobRules>(); // read now, so a bad rules file stops start-up, not a later request
        await using var scope = app.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        if (database.MigrateOnStart)
        {
            await DatabaseMigrator.MigrateAsync(db, app.Lifetime.ApplicationStopping);
        }

        await scope.ServiceProvider.GetRequiredService<CentreProvisioning>().EnsureRolesAsync();
        if (database.Provider == DatabaseProvider.Sqlite && scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Seed)
        {
            await DemoSeeder.SeedAsync(scope.ServiceProvider, new Catalogue(shipped) { Standards = library.Standards });
        }

        app.Logger.LogInformation("Catalogue: {Count} qualifications loaded ({Codes})", shipped.Count, string.Join(", ", shipped.Select(q => q.Code)));
    }

    public static void UseAttest(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Outermost, so it logs the page the EQA asked for with the answer they got, once, and not the error page's re-execution.
        app.UseMiddleware<EqaAccessLog>();
        app.UseRequestFailures();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseSingleSignOnCallbacks();
        app.UseAuthentication();
        app.UseTwoFactorGate();
        // The signed-in centre's own specification versions, read without holding a thread (decisions/0022).
        app.Use(async (context, next) =>
        {
            if (context.RequestServices.GetRequiredService<ICurrentCentre>().CentreId is not null)
            {
                await context.RequestServices.GetRequiredService<Catalogue>().LoadAsync(context.RequestAborted);
            }

            await next(context);
        });
        app.UseAuthorization();
        // Readiness (take traffic?) asks the database, store, scanner and outbox; liveness (restart me?) asks nothing, so an
        // orchestrator does not restart every instance when the database is down. /health stays as the readiness report.
        foreach (var ready in new[] { "/health", "/health/ready" })
        {
            app.MapHealthChecks(ready, new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = HealthResponse.Write }).AllowAnonymous();
        }

        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.Write }).AllowAnonymous();
        app.MapRazorPages();
        app.MapResumableUploads();
        app.MapOpenApi().AllowAnonymous();
        app.MapAttestApi();
    }

    public static void PrintWelcome(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var data = app.Services.GetRequiredService<IOptions<DataOptions>>().Value;
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var demo = database.Provider == DatabaseProvider.Sqlite && app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed;
        var lines = new List<string>
        {
            string.Empty,
            $"Attest is running at {string.Join(" and ", addresses)}",
            $"Data folder: {data.FullPath} (database: {database.Provider})",
            app.Services.GetRequiredService<IMailTransport>() is PickupFolderTransport pickup
                ? $"Mail: no SMTP server is set (Mail:Smtp:Host), so mail is written as .eml files to {pickup.Folder}"
                : $"Mail: sent through the {app.Services.GetRequiredService<IMailTransport>().Describe}",
        };
        if (demo)
        {
            lines.Add($"Demo centre: sign in with any of these, password {DemoOptions.Password}");
            lines.AddRange(DemoSeeder.People.Select(p => $"  {Roles.Describe(p.Role),-26} {p.Email}"));
        }

        Console.WriteLine(string.Join(Environment.NewLine, lines) + Environment.NewLine);
    }
}
