using Attest.Core.Centres;

namespace Attest.Tests.Centres;

/// <summary>product.md: 10 digits, first never 0, check digit 10 - (weighted sum mod 11), remainder 0 invalid; 9999999999 temporary.</summary>
public class UlnTests
{
    [Theory]
    [InlineData("1234567899")]
    [InlineData("9999999999")]
    [InlineData(" 1234567899 ")]
    public void Valid_numbers_pass(string uln) => Assert.Null(Uln.Validate(uln));

    [Theory]
    [InlineData("1234567898", "check digit")]
    [InlineData("123456789", "10 digits")]
    [InlineData("12345678901", "10 digits")]
    [InlineData("12345A7899", "10 digits")]
    [InlineData("0234567899", "cannot start with 0")]
    [InlineData("", "10 digits")]
    public void Invalid_numbers_are_refused_with_the_reason(string uln, string reason) =>
        Assert.Contains(reason, Uln.Validate(uln), StringComparison.Ordinal);

    [Fact]
    public void A_weighted_sum_leaving_no_remainder_is_always_invalid()
    {
        // Find a nine-digit prefix whose weighted sum is a multiple of 11: no check digit can make it valid.
        var prefix = Enumerable.Range(100_000_000, 10_000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .First(p => p.Select((d, i) => (d - '0') * (10 - i)).Sum() % 11 == 0);

        foreach (var check in "0123456789")
        {
            Assert.NotNull(Uln.Validate(prefix + check));
        }
    }
}
