using System.Net;
using System.Text.RegularExpressions;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Tests.Data;
using Attest.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Attest.Tests.Features;

/// <summary>
/// The real app on a real database (SQLite file or PostgreSQL) with a temporary data folder, and two
/// centres with one user of each role, so tests can act as anyone and look across centre lines.
/// </summary>
public sealed partial class AttestFactory : WebApplicationFactory<Program>
{
    public const string Password = "Test-Password-123";

    private readonly TestDatabase _database;
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("attest-web-").FullName;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="settings">Settings over the test defaults, e.g. Storage:Provider.</param>
    /// <param name="services">Services over the app's, e.g. an interceptor that injects a fault.</param>
    public AttestFactory(DatabaseProvider provider, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
        : this(TestDatabase.Create(provider), ownsDatabase: true, settings, services)
    {
    }

    private AttestFactory(TestDatabase database, bool ownsDatabase, IReadOnlyDictionary<string, string>? settings, Action<IServiceCollection>? services)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _settings = settings ?? new Dictionary<string, string>();
        _services = services;
    }

    private readonly bool _ownsDatabase;

    /// <summary>
    /// A second, identical instance of the app on this one's database (and its settings, so the same shared store), with
    /// its own data folder and memory, as a second server behind a load balancer would be; it knows the seeded centres.
    /// </summary>
    public AttestFactory AnotherInstance()
    {
        var other = new AttestFactory(_database, ownsDatabase: false, _settings, _services) { A = A, B = B };
        _ = other.Server;
        return other;
    }

    public string DataFolder => _dataFolder;

    /// <summary>The mail the app has written to files (its default when no SMTP server is set).</summary>
    public Mailbox Mail => new(Path.Combine(_dataFolder, "mail"));

    public TestDatabase Database => _database;

    public SeededCentre A { get; private set; } = null!;

    public SeededCentre B { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Data:Folder", _dataFolder);
        builder.UseSetting("Database:Provider", _database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", _database.ConnectionString);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Uploads:MaxFileBytes", "1048576");
        builder.UseSetting("Site:PublicUrl", "http://localhost");
        builder.UseSetting("Mail:PollSeconds", "1");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        // Identity's own hasher and hash format at a hundredth of its work factor: sixteen accounts per test and a sign-in per
        // client cost a second a test at the production setting, and no test is about the cost of guessing a password.
        builder.ConfigureServices(s => s.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1000));
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    /// <summary>Starts the app and seeds both centres once.</summary>
    public async Task<AttestFactory> SeedAsync()
    {
        _ = Server;
        await using var scope = Services.CreateAsyncScope();
        A = await SeededCentre.CreateAsync(scope.ServiceProvider, "a", "20001");
        B = await SeededCentre.CreateAsync(scope.ServiceProvider, "b", "20002");
        return this;
    }

    public AttestDbContext Db(Guid centreId)
    {
        var scope = Services.CreateScope();
        return new AttestDbContext(scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<AttestDbContext>>(), new FixedCentre(centreId));
    }

    /// <summary>Runs the <c>attest</c> command line against this factory's database; the exit code and what it printed.</summary>
    public async Task<(int Exit, string Output)> CliAsync(params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = _database.Provider.ToString(), ["Database:ConnectionString"] = _database.ConnectionString,
        }).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Attest.Cli.AttestCli.RunAsync(args, output, error, configuration);
        return (exit, (output.ToString() + error).Trim());
    }

    /// <summary>A client signed in as the given user (redirects not followed, so tests see 302s).</summary>
    public Task<HttpClient> SignedInAsync(string email, string password = Password) => SignInAsync(Anonymous(), email, password);

    /// <summary>Signs a client of <see cref="Anonymous"/> in, keeping the headers the test gave it.</summary>
    public static async Task<HttpClient> SignInAsync(HttpClient client, string email, string password = Password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.PostFormAsync("/Account/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {email} failed: {response.StatusCode}");
        return client;
    }

    /// <summary>A client with cookies and no sign-in, that does not follow redirects.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The id of the account with this email address.</summary>
    public async Task<Guid> UserIdAsync(string email)
    {
        await using var db = Db(Guid.Empty);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users.Where(u => u.Email == email).Select(u => u.Id));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            if (_ownsDatabase)
            {
                _database.Dispose();
            }
            try
            {
                if (Directory.Exists(_dataFolder))
                {
                    Directory.Delete(_dataFolder, recursive: true);
                }
            }
            catch (IOException)
            {
                // A file still held by the server is left to the OS temp cleaner.
            }
        }
    }
}

/// <summary>
/// One centre: a user per role, two candidates (one enrolled on 03456 with the assessor, one on Unit 7), one evidence item,
/// a learning contract (plan 1), a witness with an unused link, and an employer whose line manager signs in, with the
/// 03456 enrolment its apprenticeship on the catalogue's sample standard SAMPLE-CS3 (whose mandatory qualification is 03456).
/// </summary>
public sealed record SeededCentre(
    Guid Id, string Suffix, string Admin, string Assessor, string OtherAssessor, string Iqa, string Eqa, string Candidate, string OtherCandidate,
    Guid CandidateId, Guid OtherCandidateId, Guid EnrolmentId, Guid GradedEnrolmentId, Guid EvidenceId, Guid WitnessId, string WitnessToken, string Number, Guid AssessorUserId,
    string Employer, Guid EmployerId, Guid EmployerContactId)
{
    public static async Task<SeededCentre> CreateAsync(IServiceProvider services, string suffix, string number)
    {
        var provisioning = services.GetRequiredService<CentreProvisioning>();
        var centre = await provisioning.CreateCentreAsync("Centre " + suffix.ToUpperInvariant(), number);
        async Task<AppUser> User(string role, string name) =>
            await provisioning.CreateUserWithPasswordAsync(centre.Id, $"{name}@{suffix}.test", $"{name} {suffix.ToUpperInvariant()}", role, AttestFactory.Password);

        var admin = await User(Roles.CentreAdmin, "admin");
        var assessor = await User(Roles.Assessor, "assessor");
        await User(Roles.Assessor, "assessor2");
        await User(Roles.Iqa, "iqa");
        await User(Roles.Eqa, "eqa");
        var candidateUser = await User(Roles.Candidate, "candidate");
        var otherUser = await User(Roles.Candidate, "candidate2");
        var lineManager = await User(Roles.Employer, "linemanager");

        await using var db = new AttestDbContext(services.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<AttestDbContext>>(), new FixedCentre(centre.Id));
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        // Tests sign in with a password alone; the second-factor tests set the centre's requirement themselves.
        var policy = CentrePolicy.Defaults(centre.Id);
        policy.RequireTwoFactorFor([], admin.Id, now);
        db.CentrePolicies.Add(policy);
        // Cara's counter stands at 1: she owns the seeded item E001.
        var candidate = new Candidate { CentreId = centre.Id, UserId = candidateUser.Id, GivenName = "Cara", FamilyName = "Centre" + suffix, DateOfBirth = new DateOnly(2000, 1, 1), Uln = "1234567899", CreatedAt = now, LastEvidenceNumber = 1 };
        var other = new Candidate { CentreId = centre.Id, UserId = otherUser.Id, GivenName = "Otto", FamilyName = "Centre" + suffix, DateOfBirth = new DateOnly(2001, 2, 2), Uln = Uln.Temporary, CreatedAt = now };
        db.Candidates.AddRange(candidate, other);
        var enrolment = Enrolment.Create(centre.Id, candidate.Id, ShippedCatalogue.Diploma03456, ["F3", "F4", "A13", "B10", "C3", "D8", "D2"], DateOnly.FromDateTime(now), now);
        enrolment.AssignAssessor(assessor.Id);
        var graded = Enrolment.Create(centre.Id, other.Id, ShippedCatalogue.CambridgeTechnical, ["7"], DateOnly.FromDateTime(now), now);
        graded.AssignAssessor(assessor.Id);
        db.Enrolments.AddRange(enrolment, graded);
        var store = services.GetRequiredService<IFileStore>();
        var stored = await store.SaveAsync(services.GetRequiredService<StagingArea>(), new MemoryStream("%PDF-1.4 seeded evidence"u8.ToArray()), 1_000_000, default);
        var item = new EvidenceItem
        {
            CentreId = centre.Id, CandidateId = candidate.Id, Reference = "E001", Title = "Seeded evidence", OriginalFileName = "seeded.pdf",
            ContentType = "application/pdf", SizeBytes = stored.Size, Sha256 = stored.Sha256, StoredName = stored.Name, UploadedBy = candidateUser.Id, UploadedAt = now,
        };
        db.EvidenceItems.Add(item);
        var contract = Core.Planning.AssessmentPlan.Write(enrolment, Core.Planning.PlanKind.LearningContract,
            new("", null, null, null, null, "Seeded starting point", "Seeded competence", "Seeded gaps", "Seeded level", DateOnly.FromDateTime(now).AddDays(28), false, null),
            null, 1, assessor.Id, assessor.DisplayName, DateOnly.FromDateTime(now), now);
        db.AssessmentPlans.Add(contract);
        db.Sign(contract, Roles.Assessor, assessor.Id, assessor.DisplayName, now);
        var witness = new Core.Assessment.Witness
        {
            CentreId = centre.Id, CandidateId = candidate.Id, Name = "Wendy Witness" + suffix.ToUpperInvariant(), JobTitle = "Front office manager", Relationship = "Line manager",
            Contact = "01632 960123", AddedBy = candidateUser.Id, AddedAt = now,
        };
        var (request, token) = Core.Assessment.WitnessRequest.Issue(centre.Id, witness.Id, enrolment.Id, "C3|3.5", "The complaint at the desk", assessor.Id, now, TimeSpan.FromDays(14));
        db.Witnesses.Add(witness);
        db.WitnessRequests.Add(request);
        var employer = Core.Apprenticeships.Employer.Create(centre.Id, "Employer " + suffix.ToUpperInvariant(), null, admin.Id, now);
        var contact = Core.Apprenticeships.EmployerContact.Create(employer, lineManager.DisplayName, "Front office manager", lineManager.Email, null, admin.Id, now);
        contact.LinkAccount(lineManager.Id);
        db.Employers.Add(employer);
        db.EmployerContacts.Add(contact);
        db.Apprenticeships.Add(Core.Apprenticeships.Apprenticeship.Start(enrolment, new(Core.Apprenticeships.ApprenticeshipProgramme.Standard, "SAMPLE-CS3", "Sample customer service standard",
            enrolment.RegisteredOn, enrolment.RegisteredOn.AddYears(1), 37.5m, 280, employer.Id), employer, services.GetRequiredService<Core.Apprenticeships.OffTheJobRules>(),
            services.GetRequiredService<Core.Qualifications.Catalogue>(), admin.Id, now));
        await db.SaveChangesAsync();
        return new SeededCentre(centre.Id, suffix, $"admin@{suffix}.test", $"assessor@{suffix}.test", $"assessor2@{suffix}.test", $"iqa@{suffix}.test", $"eqa@{suffix}.test",
            $"candidate@{suffix}.test", $"candidate2@{suffix}.test", candidate.Id, other.Id, enrolment.Id, graded.Id, item.Id, witness.Id, token, number, assessor.Id,
            $"linemanager@{suffix}.test", employer.Id, contact.Id);
    }

    public IEnumerable<string> Everyone => [Admin, Assessor, OtherAssessor, Iqa, Eqa, Candidate, OtherCandidate, Employer];
}

public static partial class HttpClientExtensions
{
    /// <summary>GETs the page (or <paramref name="tokenFrom"/>) for its antiforgery token, then POSTs the form with it.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? tokenFrom = null) =>
        client.PostFormAsync(url, (IEnumerable<KeyValuePair<string, string>>)fields, tokenFrom);

    /// <summary>The same with repeated fields (checkbox lists).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? tokenFrom = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await client.GetStringAsync(tokenFrom ?? url);
        var token = TokenPattern().Match(page);
        Assert.True(token.Success, $"no antiforgery token on {tokenFrom ?? url}");
        var form = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token.Groups[1].Value) };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>The antiforgery token of this user's session, read from a page (for posting several requests at once).</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = TokenPattern().Match(await client.GetStringAsync(url));
        Assert.True(token.Success, $"no antiforgery token on {url}");
        return token.Groups[1].Value;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
