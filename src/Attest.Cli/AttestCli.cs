using System.CommandLine;
using System.Text.Json;
using Attest.Core;
using Attest.Core.Accounts;
using Attest.Core.Apprenticeships;
using Attest.Core.Mail;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Qualifications;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Attest.Cli;

/// <summary>
/// The <c>attest</c> command. Exit codes: 0 success (or a valid selection), 1 invalid (catalogue or
/// selection), 2 bad input. Database settings come from the same configuration keys as the web app,
/// as environment variables (Database__Provider, Database__ConnectionString, Data__Folder).
/// </summary>
public static class AttestCli
{
    public const int Ok = 0;
    public const int Invalid = 1;
    public const int BadInput = 2;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <param name="configuration">Database settings; null reads them from environment variables, as the installed tool does.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IConfiguration? configuration = null)
    {
        configuration ??= new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var catalogueOption = new Option<string?>("--catalogue") { Description = "Catalogue folder (default: the catalogue shipped with attest)" };

        var dirArgument = new Argument<string?>("dir") { Description = "Catalogue folder to check", Arity = ArgumentArity.ZeroOrOne };
        var validate = new Command("validate", "Check every qualification file against the schema and its own references") { dirArgument };
        validate.SetAction(parse => ValidateCatalogue(parse.GetValue(dirArgument), output, error));

        var list = new Command("list", "List the qualifications in the catalogue") { catalogueOption };
        list.SetAction(parse => ListCatalogue(parse.GetValue(catalogueOption), output, error));

        var qualificationOption = new Option<string>("--qualification") { Description = "Qualification code, e.g. 03456", Required = true };
        var unitsOption = new Option<string>("--units") { Description = "Comma-separated unit codes, e.g. F3,F4,C3", Required = true };
        var jsonOption = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var check = new Command("check", "Check a selection of units against the qualification's rules of combination") { qualificationOption, unitsOption, jsonOption, catalogueOption };
        check.SetAction(parse => CheckCombination(parse.GetValue(catalogueOption), parse.GetValue(qualificationOption)!, parse.GetValue(unitsOption)!, parse.GetValue(jsonOption), output, error));

        var migrate = new Command("migrate", "Apply pending database migrations");
        migrate.SetAction(async (_, cancellationToken) => await MigrateAsync(configuration, output, error, cancellationToken));

        var nameOption = new Option<string>("--name") { Description = "Centre name", Required = true };
        var numberOption = new Option<string>("--number") { Description = "Awarding body centre number", Required = true };
        var emailOption = new Option<string>("--admin-email") { Description = "Email address of the first centre administrator", Required = true };
        var adminNameOption = new Option<string>("--admin-name") { Description = "Name of the first centre administrator", Required = true };
        var createCentre = new Command("create", "Create a centre and invite its first administrator by email") { nameOption, numberOption, emailOption, adminNameOption };
        createCentre.SetAction(async (parse, cancellationToken) => await CreateCentreAsync(
            configuration, parse.GetValue(nameOption)!, parse.GetValue(numberOption)!, parse.GetValue(emailOption)!, parse.GetValue(adminNameOption)!, output, error, cancellationToken));

        var quotaNumber = new Option<string>("--number") { Description = "Centre number", Required = true };
        var quotaGib = new Option<double?>("--gib") { Description = "Evidence the centre may hold, in GiB" };
        var quotaDefault = new Option<bool>("--default") { Description = "Use the deployment's default (Uploads:CentreQuotaBytes) again" };
        var quota = new Command("quota", "Set how much evidence a centre may hold") { quotaNumber, quotaGib, quotaDefault };
        quota.SetAction(async (parse, cancellationToken) => await SetQuotaAsync(configuration, parse.GetValue(quotaNumber)!, parse.GetValue(quotaGib), parse.GetValue(quotaDefault), output, error, cancellationToken));

        var centreOption = new Option<string?>("--centre") { Description = "Centre number (default: every centre)" };
        var verify = new Command("verify", "Check every centre's decision ledger: the hash chain, and that each signed record is as it was signed") { centreOption };
        verify.SetAction(async (parse, cancellationToken) => await VerifyLedgerAsync(configuration, parse.GetValue(centreOption), output, error, cancellationToken));

        var rebuild = new Command("rebuild", "Forget every kept standing, so the app works each out again from the signed records (at its next pass or the next list that reads it)") { centreOption };
        rebuild.SetAction(async (parse, cancellationToken) => await RebuildStandingsAsync(configuration, parse.GetValue(centreOption), output, error, cancellationToken));

        var userCentre = new Option<string>("--centre") { Description = "Centre number", Required = true };
        var userEmail = new Option<string>("--email") { Description = "The person's email address", Required = true };
        var userName = new Option<string>("--name") { Description = "The person's full name", Required = true };
        var userRoles = new Option<string>("--roles") { Description = "Comma-separated: CentreAdmin, Assessor, Iqa, LeadIqa, Eqa", Required = true };
        var invite = new Command("invite", "Invite a member of staff by email, with one or more roles") { userCentre, userEmail, userName, userRoles };
        invite.SetAction(async (parse, cancellationToken) => await InviteUserAsync(
            configuration, parse.GetValue(userCentre)!, parse.GetValue(userEmail)!, parse.GetValue(userName)!, parse.GetValue(userRoles)!, output, error, cancellationToken));
        var reassignTo = new Option<string?>("--reassign-to") { Description = "Email of the active assessor who takes over the leaver's caseload" };
        var deactivate = new Command("deactivate", "Deactivate a leaver: their sessions end at once, their caseload moves, their signed records stay theirs") { userCentre, userEmail, reassignTo };
        deactivate.SetAction(async (parse, cancellationToken) => await DeactivateUserAsync(
            configuration, parse.GetValue(userCentre)!, parse.GetValue(userEmail)!, parse.GetValue(reassignTo), output, error, cancellationToken));

        var root = new RootCommand("attest: qualification catalogue, rules of combination and database tools for Attest")
        {
            new Command("catalogue", "Qualification specifications") { validate, list },
            new Command("combination", "Rules of combination") { check },
            new Command("db", "Database") { migrate },
            new Command("centre", "Centres") { createCentre, quota },
            new Command("user", "People") { invite, deactivate },
            new Command("ledger", "The decision ledger") { verify },
            new Command("standings", "The standings kept for lists, the dashboard and its exports") { rebuild },
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            await error.WriteLineAsync("Run attest --help for usage.");
            return BadInput;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static string CatalogueFolder(string? folder) =>
        string.IsNullOrWhiteSpace(folder) ? Path.Combine(AppContext.BaseDirectory, "catalogue") : Path.GetFullPath(folder);

    private static int ValidateCatalogue(string? dir, TextWriter output, TextWriter error)
    {
        var folder = CatalogueFolder(dir);
        if (!Directory.Exists(folder))
        {
            error.WriteLine($"{folder}: folder not found");
            return BadInput;
        }

        var result = CatalogueLoader.Load(folder);
        var problems = result.Errors.ToList();
        // The off-the-job rules ship in the same folder and are checked the same way when the folder has them.
        OffTheJobRules? rules = null;
        if (File.Exists(Path.Combine(folder, OffTheJobRules.RelativePath)))
        {
            try
            {
                rules = OffTheJobRules.LoadOrThrow(folder);
            }
            catch (CatalogueException e)
            {
                problems.AddRange(e.Errors);
            }
        }

        foreach (var problem in problems)
        {
            error.WriteLine(problem.ToString());
        }

        if (problems.Count > 0)
        {
            error.WriteLine($"{problems.Count} problem(s): the catalogue is invalid.");
            return Invalid;
        }

        var offTheJob = rules is null ? string.Empty : $", {rules.RuleSets.Count} off-the-job rule sets";
        output.WriteLine($"Catalogue valid: {result.Catalogue.Qualifications.Count} qualifications, {result.Catalogue.Qualifications.Sum(q => q.Units.Count)} units, {result.Catalogue.Standards.Count} apprenticeship standards{offTheJob}.");
        return Ok;
    }

    private static int ListCatalogue(string? dir, TextWriter output, TextWriter error)
    {
        var catalogue = TryLoad(dir, error);
        if (catalogue is null)
        {
            return BadInput;
        }

        foreach (var q in catalogue.Qualifications)
        {
            var assessable = q.Units.Count(u => u.IsAssessable);
            output.WriteLine($"{q.Code,-8} {q.Title} (level {q.Level}, {q.Units.Count} units, {assessable} with criteria; last registration {q.LastRegistrationDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "not set"}, last certification {q.LastCertificationDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "not set"})");
        }

        return Ok;
    }

    private static int CheckCombination(string? dir, string qualificationCode, string units, bool json, TextWriter output, TextWriter error)
    {
        var catalogue = TryLoad(dir, error);
        if (catalogue is null)
        {
            return BadInput;
        }

        var qualification = catalogue.Find(qualificationCode.Trim());
        if (qualification is null)
        {
            error.WriteLine($"Qualification {qualificationCode} is not in the catalogue. Known: {string.Join(", ", catalogue.Qualifications.Select(q => q.Code))}.");
            return BadInput;
        }

        var codes = units.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (codes.Length == 0)
        {
            error.WriteLine("--units names no unit: give unit codes separated by commas, e.g. F3,F4,C3.");
            return BadInput;
        }

        var result = RulesOfCombination.Check(qualification, codes);
        var unknown = result.Findings.Any(f => f.Rule == CombinationRule.UnknownUnit);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                qualification = qualification.Code,
                valid = result.IsValid,
                units = result.Units,
                totalCredits = result.TotalCredits,
                findings = result.Findings.Select(f => new { rule = f.Rule.ToString(), message = f.Message, ruleText = f.RuleText, shortfall = f.Shortfall }),
            }, Json));
        }
        else
        {
            output.WriteLine(result.IsValid
                ? $"Valid: {string.Join(", ", result.Units)} ({result.TotalCredits} credits) meet the rules of combination of {qualification.DisplayName}."
                : $"Invalid for {qualification.DisplayName} ({result.TotalCredits} credits):");
            foreach (var finding in result.Findings)
            {
                output.WriteLine($"  - {finding.Message}{(finding.RuleText is null ? string.Empty : $" (rule: \"{finding.RuleText}\")")}");
            }
        }

        return unknown ? BadInput : result.IsValid ? Ok : Invalid;
    }

    private static Catalogue? TryLoad(string? dir, TextWriter error)
    {
        var result = CatalogueLoader.Load(CatalogueFolder(dir));
        foreach (var problem in result.Errors)
        {
            error.WriteLine(problem.ToString());
        }

        return result.IsValid ? result.Catalogue : null;
    }

    private static async Task<int> MigrateAsync(IConfiguration configuration, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var services = Services(configuration);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        try
        {
            var pending = await DatabaseMigrator.MigrateAsync(db, cancellationToken);
            await output.WriteLineAsync(pending.Count == 0 ? "Database is up to date." : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}.");
            return Ok;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            await error.WriteLineAsync($"Migration failed: {ex.Message}");
            return Invalid;
        }
    }

    private static async Task<int> CreateCentreAsync(IConfiguration configuration, string name, string number, string email, string adminName, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var services = Services(configuration);
        await using var scope = services.CreateAsyncScope();
        await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<AttestDbContext>(), cancellationToken);
        var provisioning = scope.ServiceProvider.GetRequiredService<CentreProvisioning>();
        try
        {
            await provisioning.EnsureRolesAsync();
            var centre = await provisioning.CreateCentreAsync(name.Trim(), number.Trim(), cancellationToken);
            scope.ServiceProvider.GetRequiredService<CliCentre>().CentreId = centre.Id;
            await scope.ServiceProvider.GetRequiredService<AccountService>().InviteStaffAsync(email, adminName, [Roles.CentreAdmin], false, Actor.Operator, cancellationToken);
            await output.WriteLineAsync($"Created centre {centre.Name} ({centre.Number}) and invited its administrator {email.Trim()}.");
            await output.WriteLineAsync(MailWaiting);
            return Ok;
        }
        catch (DomainRuleException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return BadInput;
        }
    }

    private const string MailWaiting = "The invitation is in the outbox: the web app sends it within a minute (or writes it to its mail folder when no SMTP server is set).";

    /// <summary>Invites a member of staff of a centre. Exit 2 for an unknown centre, a refused address or roles that cannot go together.</summary>
    private static async Task<int> InviteUserAsync(IConfiguration configuration, string number, string email, string name, string roles, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var services = Services(configuration);
        await using var scope = services.CreateAsyncScope();
        if (await ActForCentreAsync(scope.ServiceProvider, number, error, cancellationToken) is not { } centre)
        {
            return BadInput;
        }

        var chosen = roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var known = Roles.All.Append("LeadIqa").ToList();
        if (chosen.FirstOrDefault(r => !known.Contains(r, StringComparer.OrdinalIgnoreCase)) is string unknown)
        {
            await error.WriteLineAsync($"{unknown} is not a role. Roles: CentreAdmin, Assessor, Iqa, LeadIqa (with Iqa), Eqa.");
            return BadInput;
        }

        var leadIqa = chosen.Contains("LeadIqa", StringComparer.OrdinalIgnoreCase);
        var staffRoles = Roles.All.Where(r => chosen.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        try
        {
            var user = await scope.ServiceProvider.GetRequiredService<AccountService>().InviteStaffAsync(email, name, staffRoles, leadIqa, Actor.Operator, cancellationToken);
            await output.WriteLineAsync($"Invited {user.DisplayName} <{user.Email}> to {centre.Name} ({centre.Number}) as {AccountService.DescribeRoles(staffRoles, leadIqa)}.");
            await output.WriteLineAsync(MailWaiting);
            return Ok;
        }
        catch (DomainRuleException ex)
        {
            await error.WriteLineAsync(string.Join(Environment.NewLine, ex.Reasons));
            return BadInput;
        }
    }

    /// <summary>Deactivates a leaver; a caseload needs --reassign-to. Exit 2 for an unknown centre or person, or a refusal (with its reason).</summary>
    private static async Task<int> DeactivateUserAsync(IConfiguration configuration, string number, string email, string? reassignTo, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var services = Services(configuration);
        await using var scope = services.CreateAsyncScope();
        if (await ActForCentreAsync(scope.ServiceProvider, number, error, cancellationToken) is not { } centre)
        {
            return BadInput;
        }

        var db = scope.ServiceProvider.GetRequiredService<AttestDbContext>();
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.CentreId == centre.Id && u.NormalizedEmail == normalized, cancellationToken);
        if (user is null)
        {
            await error.WriteLineAsync($"Centre {centre.Number} has nobody with the email address {email.Trim()}.");
            return BadInput;
        }

        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var moves = new Dictionary<Guid, Guid>();
        if (reassignTo is not null)
        {
            var target = reassignTo.Trim().ToUpperInvariant();
            var to = await db.ActiveStaffInRole(Roles.Assessor).Where(u => u.NormalizedEmail == target).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
            if (to is null)
            {
                await error.WriteLineAsync($"{reassignTo.Trim()} is not an active assessor of centre {centre.Number}.");
                return BadInput;
            }

            moves = await accounts.Caseload(user.Id).ToDictionaryAsync(e => e.Id, _ => to.Value, cancellationToken);
        }

        try
        {
            await accounts.DeactivateAsync(user.Id, moves, Actor.Operator, cancellationToken);
            await output.WriteLineAsync($"Deactivated {user.DisplayName} <{user.Email}> at {centre.Name} ({centre.Number}): their sessions have ended{(moves.Count > 0 ? $" and {moves.Count} {(moves.Count == 1 ? "candidate moves" : "candidates move")} to {reassignTo!.Trim()}" : string.Empty)}.");
            return Ok;
        }
        catch (DomainRuleException ex)
        {
            await error.WriteLineAsync(string.Join(Environment.NewLine, ex.Reasons) + (ex.Field == "Reassign" ? " Give --reassign-to with an active assessor's email." : string.Empty));
            return BadInput;
        }
    }

    /// <summary>Finds the centre by number and acts for it in this scope; null (with a message) when there is none.</summary>
    private static async Task<Centre?> ActForCentreAsync(IServiceProvider services, string number, TextWriter error, CancellationToken cancellationToken)
    {
        var centre = await services.GetRequiredService<AttestDbContext>().Centres.AsNoTracking().SingleOrDefaultAsync(c => c.Number == number.Trim(), cancellationToken);
        if (centre is null)
        {
            await error.WriteLineAsync($"No centre has the number {number.Trim()}.");
            return null;
        }

        services.GetRequiredService<CliCentre>().CentreId = centre.Id;
        return centre;
    }

    /// <summary>Sets a centre's own storage quota, or puts it back to the deployment's default. Exit 2 for bad input or an unknown centre.</summary>
    private static async Task<int> SetQuotaAsync(IConfiguration configuration, string number, double? gib, bool useDefault, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (useDefault == gib.HasValue || gib is <= 0 or > 1_000_000)
        {
            await error.WriteLineAsync("Give either --gib with a size above 0 (up to 1000000), or --default.");
            return BadInput;
        }

        await using var services = Services(configuration);
        await using var scope = services.CreateAsyncScope();
        await using var db = new AttestDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AttestDbContext>>(), NoCentre.Instance);
        var centre = await db.Centres.SingleOrDefaultAsync(c => c.Number == number, cancellationToken);
        if (centre is null)
        {
            await error.WriteLineAsync($"No centre has the number {number}.");
            return BadInput;
        }

        centre.QuotaBytes = gib is double size ? (long)(size * 1024 * 1024 * 1024) : null;
        await db.SaveChangesAsync(cancellationToken);
        await output.WriteLineAsync(centre.QuotaBytes is long bytes
            ? $"Centre {centre.Number} {centre.Name} may now hold {bytes:N0} bytes ({gib} GiB) of evidence."
            : $"Centre {centre.Number} {centre.Name} uses the deployment's default quota again.");
        return Ok;
    }

    /// <summary>
    /// Verifies each centre's chain and prints one line per centre; a broken chain names its first broken entry and
    /// why. Exit 0 when every chain is intact, 1 when one is broken, 2 for an unknown centre number.
    /// </summary>
    private static async Task<int> VerifyLedgerAsync(IConfiguration configuration, string? centreNumber, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var services = Services(configuration);
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<AttestDbContext>>();
        List<Centre> centres;
        await using (var db = new AttestDbContext(options, NoCentre.Instance))
        {
            centres = await db.Centres.AsNoTracking().Where(c => centreNumber == null || c.Number == centreNumber).OrderBy(c => c.Number).ToListAsync(cancellationToken);
        }

        if (centres.Count == 0 && centreNumber is not null)
        {
            await error.WriteLineAsync($"No centre has the number {centreNumber}.");
            return BadInput;
        }

        var broken = 0;
        foreach (var centre in centres)
        {
            await using var db = new AttestDbContext(options, new FixedCentre(centre.Id));
            var result = await LedgerVerifier.VerifyAsync(db, cancellationToken);
            if (result.FirstBreak is { } finding)
            {
                broken++;
                await output.WriteLineAsync($"Centre {centre.Number} {centre.Name}: BROKEN at {finding.Message}");
            }
            else
            {
                await output.WriteLineAsync($"Centre {centre.Number} {centre.Name}: {result.Entries} entries, chain intact, every signed record as signed.");
            }
        }

        return broken == 0 ? Ok : Invalid;
    }

    /// <summary>
    /// Kept standings are derived data: forgetting them loses nothing, and the app works each one out again with the engines
    /// from the signed records. Exit 0, or 2 for an unknown centre number.
    /// </summary>
    private static async Task<int> RebuildStandingsAsync(IConfiguration configuration, string? centreNumber, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var services = Services(configuration);
        await using var scope = services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<AttestDbContext>>();
        List<Centre> centres;
        await using (var db = new AttestDbContext(options, NoCentre.Instance))
        {
            centres = await db.Centres.AsNoTracking().Where(c => centreNumber == null || c.Number == centreNumber).OrderBy(c => c.Number).ToListAsync(cancellationToken);
        }

        if (centres.Count == 0 && centreNumber is not null)
        {
            await error.WriteLineAsync($"No centre has the number {centreNumber}.");
            return BadInput;
        }

        foreach (var centre in centres)
        {
            await using var db = new AttestDbContext(options, new FixedCentre(centre.Id));
            var forgotten = await db.TrackedStandings.ExecuteDeleteAsync(cancellationToken);
            await output.WriteLineAsync($"Centre {centre.Number} {centre.Name}: {forgotten} kept standing(s) forgotten; each is worked out again from the signed records when next read.");
        }

        return Ok;
    }

    /// <summary>The centre a command acts for, set once the command has found it (none until then).</summary>
    private sealed class CliCentre : ICurrentCentre
    {
        public Guid? CentreId { get; set; }
    }

    /// <summary>The database and Identity services the CLI needs, configured like the web app.</summary>
    private static ServiceProvider Services(IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var data = configuration.GetSection(DataOptions.Section).Get<DataOptions>() ?? new DataOptions();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CliCentre>();
        services.AddScoped<ICurrentCentre>(sp => sp.GetRequiredService<CliCentre>());
        services.AddDbContext<AttestDbContext>(o => DatabaseOptions.Configure(o, database.Provider, database.ResolveConnectionString(data)));
        // The CLI never reads protected data (second-factor keys); token providers only need a key ring to exist.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddIdentityCore<AppUser>(AttestIdentity.Configure)
            .AddRoles<IdentityRole<Guid>>()
            .AddAttestStores();
        services.AddScoped<CentreProvisioning>();
        services.Configure<SiteOptions>(configuration.GetSection(SiteOptions.Section));
        services.Configure<AccountOptions>(configuration.GetSection(AccountOptions.Section));
        services.AddSingleton(_ => MailTemplates.Shipped());
        services.AddScoped<Mailer>();
        services.AddScoped<AccountService>();
        return services.BuildServiceProvider();
    }
}
