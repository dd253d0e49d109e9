using Attest.Core.Accounts;
using Attest.Core.Data;
using Attest.Core.Mail;
using Microsoft.Extensions.Options;

namespace Attest.Web.Infrastructure.Mail;

public static class MailRegistration
{
    /// <summary>Templates, the outbox, the transport (SMTP when Mail:Smtp:Host is set, else .eml files) and the sender.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<MailOptions>(config.GetSection(MailOptions.Section));
        services.Configure<SiteOptions>(config.GetSection(SiteOptions.Section));
        services.Configure<AccountOptions>(config.GetSection(AccountOptions.Section));
        services.AddSingleton(_ => MailTemplates.Shipped());
        services.AddScoped<Mailer>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxWakeInterceptor>();
        services.AddSingleton<IMailTransport>(sp =>
        {
            var mail = sp.GetRequiredService<IOptions<MailOptions>>();
            return mail.Value.UsesSmtp
                ? new SmtpMailTransport(mail)
                : new PickupFolderTransport(mail.Value.PickupPath(sp.GetRequiredService<IOptions<DataOptions>>().Value.FullPath));
        });
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }
}
