using Attest.Core.Accounts;

namespace Attest.Tests.Accounts;

/// <summary>NIST SP 800-63B rev. 4, 3.1.1.2: length, no composition rules, and a blocklist of common, expected or compromised values.</summary>
public class PasswordScreenTests
{
    private static readonly string[] Person = ["nia.jones@college.ac.uk", "Nia Jones"];

    [Theory]
    [InlineData("walrus staple lantern mood")]
    [InlineData("correct horse battery staple")]
    [InlineData("Ffion's tea at 4pm, always")]
    [InlineData("applehorseriver")]
    [InlineData("日本語のパスフレーズを使います")]
    public void A_long_password_of_unrelated_words_is_accepted_whatever_its_characters(string password) =>
        Assert.Null(PasswordScreen.Problem(password, Person));

    [Theory]
    [InlineData("")]
    [InlineData("Sh0rt!pass")]
    [InlineData("fourteen chars")]
    public void Fewer_than_15_characters_is_refused_with_the_minimum(string password) =>
        Assert.StartsWith("Password must be at least 15 characters", PasswordScreen.Problem(password, Person), StringComparison.Ordinal);

    [Fact]
    public void At_least_256_characters_may_be_used_and_no_more()
    {
        var longest = string.Concat(Enumerable.Repeat("river stone gale ", 16))[..256];
        Assert.Null(PasswordScreen.Problem(longest, Person));
        Assert.Equal("Password must be 256 characters or fewer", PasswordScreen.Problem(longest + "x", Person));
    }

    [Theory]
    [InlineData("Password123456!!")] // a listed password with digits and symbols added
    [InlineData("P@ssw0rd12345678")] // and with letters swapped for look-alikes
    [InlineData("passwordpassword")] // written twice
    [InlineData("iloveyouiloveyou")]
    [InlineData("sunshinefootball")] // two listed passwords run together
    [InlineData("1234567890123456")]
    [InlineData("qwertyuiopasdfgh")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    public void Common_passwords_and_their_easy_variations_are_refused(string password) =>
        Assert.NotNull(PasswordScreen.Problem(password, Person));

    [Theory]
    [InlineData("123456")]
    [InlineData("password")]
    [InlineData("letmein")]
    [InlineData("dragon")]
    public void The_shipped_list_holds_the_passwords_most_often_leaked(string password) => Assert.True(PasswordScreen.IsCommon(password));

    [Theory]
    [InlineData("NiaJones2024!!!!")]
    [InlineData("nia.jones@college")]
    [InlineData("attest attest 2026")]
    public void A_password_built_on_the_persons_own_name_email_or_the_service_is_refused(string password) =>
        Assert.StartsWith("Password must not be built on your name", PasswordScreen.Problem(password, Person), StringComparison.Ordinal);

    [Fact]
    public void No_composition_rule_is_imposed_a_lower_case_passphrase_needs_no_digit_or_symbol() =>
        Assert.Null(PasswordScreen.Problem("violet harbour kestrel", Person));
}
