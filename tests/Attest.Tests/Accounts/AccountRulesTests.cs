using Attest.Core.Accounts;
using Attest.Core.Centres;
using Attest.Core.Security;

namespace Attest.Tests.Accounts;

public class AccountRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_link_works_until_it_expires_is_used_or_is_replaced_and_says_which()
    {
        var centre = Guid.NewGuid();
        var (link, token) = AccountLink.Issue(centre, Guid.NewGuid(), AccountLinkPurpose.PasswordReset, null, Now, TimeSpan.FromHours(2));
        Assert.Equal((centre, link.SecretSha256), CapabilityToken.Read(token));
        Assert.Null(link.Refusal(Now.AddHours(2)));
        Assert.StartsWith("This link expired at 11am on 4 December 2026", link.Refusal(Now.AddHours(2).AddSeconds(1)), StringComparison.Ordinal);

        link.Use(Now.AddMinutes(5));
        Assert.StartsWith("This link has already been used", link.Refusal(Now.AddMinutes(6)), StringComparison.Ordinal);
        Assert.Throws<Attest.Core.DomainRuleException>(() => link.Use(Now.AddMinutes(7)));

        var (replaced, _) = AccountLink.Issue(centre, Guid.NewGuid(), AccountLinkPurpose.Invitation, null, Now, TimeSpan.FromDays(7));
        replaced.Revoke(Now);
        Assert.StartsWith("This link has been replaced by a newer one", replaced.Refusal(Now), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("0123456789abcdef0123456789abcdef.short")]
    [InlineData("zz23456789abcdef0123456789abcdef.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void A_token_that_is_not_well_formed_names_no_link(string? token) => Assert.Null(CapabilityToken.Read(token));

    [Fact]
    public void Two_tokens_never_share_a_secret() =>
        Assert.Equal(1000, Enumerable.Range(0, 1000).Select(_ => CapabilityToken.Issue(Guid.Empty).SecretSha256).Distinct().Count());

    [Theory]
    [InlineData("", false, "Choose at least one role")]
    [InlineData("Candidate", false, "Candidates are registered on the Candidates page, not invited as staff")]
    [InlineData("Eqa,Assessor", false, "An external quality assurer works for the awarding body: their account cannot have a centre role as well")]
    [InlineData("Assessor", true, "Only an internal quality assurer can be the lead IQA")]
    [InlineData("Owner", false, "Choose roles from the list")]
    public void Staff_roles_that_cannot_go_together_are_refused_with_the_reason(string roles, bool lead, string reason) =>
        Assert.Equal(reason, AccountService.StaffRolesProblem(roles.Split(',', StringSplitOptions.RemoveEmptyEntries), lead));

    [Theory]
    [InlineData("Assessor,Iqa", false)]
    [InlineData("CentreAdmin,Assessor,Iqa", true)]
    [InlineData("Eqa", false)]
    public void The_same_person_may_hold_several_centre_roles(string roles, bool lead) =>
        Assert.Null(AccountService.StaffRolesProblem(roles.Split(','), lead));

    [Fact]
    public void Roles_read_as_a_sentence_and_as_a_list() =>
        Assert.Equal(("an assessor and the lead internal quality assurer (IQA)", "Assessor, IQA (lead)"),
            (AccountService.DescribeRoles([Roles.Iqa, Roles.Assessor], leadIqa: true), AccountService.ListRoles([Roles.Iqa, Roles.Assessor], leadIqa: true)));

    [Fact]
    public void By_default_a_centre_requires_a_second_factor_of_administrators_iqas_and_eqas_only()
    {
        var policy = CentrePolicy.Defaults(Guid.NewGuid());
        Assert.True(policy.RequiresTwoFactor([Roles.CentreAdmin]));
        Assert.True(policy.RequiresTwoFactor([Roles.Assessor, Roles.Iqa]));
        Assert.True(policy.RequiresTwoFactor([Roles.Eqa]));
        Assert.False(policy.RequiresTwoFactor([Roles.Assessor]));
        Assert.False(policy.RequiresTwoFactor([Roles.Candidate]));

        policy.RequireTwoFactorFor([Roles.Candidate, Roles.Assessor], Guid.NewGuid(), Now);
        Assert.True(policy.RequiresTwoFactor([Roles.Candidate]));
        Assert.False(policy.RequiresTwoFactor([Roles.CentreAdmin]));
        Assert.Throws<Attest.Core.DomainRuleException>(() => policy.RequireTwoFactorFor(["Witness"], Guid.NewGuid(), Now));
    }

    [Theory]
    [InlineData("http://login.example.org/tenant", false, "The issuer URL must start with https://")]
    [InlineData("http://127.0.0.1:4455", false, "The issuer URL must start with https://")]
    [InlineData("login.example.org", false, "Enter the provider's issuer URL, like https://login.microsoftonline.com/{tenant}/v2.0")]
    [InlineData("https://login.example.org/?x=1", false, "Enter the provider's issuer URL, like https://login.microsoftonline.com/{tenant}/v2.0")]
    [InlineData("https://login.microsoftonline.com/abc/v2.0", false, null)]
    [InlineData("http://127.0.0.1:4455", true, null)]
    public void A_single_sign_on_issuer_must_be_https_but_for_a_test_provider_on_loopback(string authority, bool allowLoopback, string? problem) =>
        Assert.Equal(problem, CentreSingleSignOn.AuthorityProblem(authority, allowLoopback));

    [Fact]
    public void Single_sign_on_settings_name_each_field_that_is_wrong_and_keep_the_secret_when_none_is_given()
    {
        var settings = new CentreSingleSignOn { CentreId = Guid.NewGuid() };
        var refused = Assert.Throws<Attest.Core.DomainRuleException>(() => settings.Change("", "ftp://x", "", null, "college.ac.uk, not a domain", false, true, false, Guid.NewGuid(), Now));
        Assert.Equal(["DisplayName", "Authority", "ClientId", "ClientSecret", "EmailDomains"], refused.FieldReasons!.Select(r => r.Field));

        var domains = settings.Change("Microsoft 365", "https://login.microsoftonline.com/abc/v2.0/", "client", "protected-1", "@College.ac.uk; staff.college.ac.uk", true, true, false, Guid.NewGuid(), Now);
        Assert.Equal(["college.ac.uk", "staff.college.ac.uk"], domains);
        Assert.Equal(("https://login.microsoftonline.com/abc/v2.0", 1), (settings.Authority, settings.Version));
        settings.Change("Microsoft 365", "https://login.microsoftonline.com/abc/v2.0", "client", null, "", true, false, false, Guid.NewGuid(), Now);
        Assert.Equal(("protected-1", 2, false), (settings.ProtectedClientSecret, settings.Version, settings.Enabled));
    }
}
