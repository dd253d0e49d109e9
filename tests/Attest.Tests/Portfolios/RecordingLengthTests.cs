using Attest.Core;
using Attest.Core.Portfolios;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Attest.Tests.Portfolios;

public class RecordingLengthTests
{
    private static readonly TimeSpan Twenty = TimeSpan.FromMinutes(20);

    private static TimeRange Range(double start, double end) => new(TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(end));

    [Fact]
    public void A_47_minute_recording_over_a_20_minute_limit_is_split_into_three_equal_parts()
    {
        var advice = RecordingLength.Check(TimeSpan.FromMinutes(47), Twenty);

        Assert.NotNull(advice);
        Assert.Equal(
            [Range(0, 940), Range(940, 1880), Range(1880, 2820)],
            advice.SuggestedParts);
        Assert.Equal(
            "This recording is 47 minutes long. Your centre's limit is 20 minutes, so split it into 3 parts of about 16 minutes each.",
            advice.Warning);
    }

    [Fact]
    public void A_recording_at_or_under_the_limit_gets_no_advice()
    {
        Assert.Null(RecordingLength.Check(Twenty, Twenty));
        Assert.Null(RecordingLength.Check(TimeSpan.FromMinutes(3), Twenty));
    }

    [Fact]
    public void A_recording_a_second_over_the_limit_is_split_in_two_with_its_exact_length_in_the_warning()
    {
        var advice = RecordingLength.Check(Twenty + TimeSpan.FromSeconds(1), Twenty);

        Assert.NotNull(advice);
        Assert.Equal([Range(0, 601), Range(601, 1201)], advice.SuggestedParts);
        Assert.StartsWith("This recording is 20 minutes 1 second long.", advice.Warning, StringComparison.Ordinal);
    }

    private static Arbitrary<(TimeSpan Duration, TimeSpan Limit)> Lengths() =>
        (from limitMinutes in Gen.Choose(1, 120)
         from milliseconds in Gen.Choose(1, 12 * 3600 * 1000)
         select (TimeSpan.FromMilliseconds(milliseconds), TimeSpan.FromMinutes(limitMinutes))).ToArbitrary();

    [Property]
    public Property Suggested_parts_cover_the_recording_end_to_end_and_none_is_over_the_limit() =>
        Prop.ForAll(Lengths(), x =>
        {
            var advice = RecordingLength.Check(x.Duration, x.Limit);
            if (advice is null)
            {
                return x.Duration <= x.Limit;
            }

            var parts = advice.SuggestedParts;
            return x.Duration > x.Limit
                && parts[0].Start == TimeSpan.Zero
                && parts[^1].End == x.Duration
                && parts.Zip(parts.Skip(1)).All(p => p.First.End == p.Second.Start)
                && parts.All(p => p.Start < p.End && p.Length <= x.Limit)
                && parts.Count == (int)Math.Ceiling(x.Duration.TotalSeconds / x.Limit.TotalSeconds);
        });

    [Fact]
    public void Parts_within_the_recording_are_accepted_and_may_overlap()
    {
        var parts = RecordingLength.ValidateParts([Range(0, 2), Range(1, 5)], TimeSpan.FromSeconds(6));

        Assert.Equal([Range(0, 2), Range(1, 5)], parts);
    }

    [Fact]
    public void An_end_typed_up_to_a_second_past_the_recording_is_pulled_back_to_its_end()
    {
        var parts = RecordingLength.ValidateParts([Range(0, 6)], TimeSpan.FromSeconds(5.4));

        Assert.Equal([Range(0, 5.4)], parts);
    }

    [Fact]
    public void Each_bad_part_is_named_with_its_reason_in_one_exception()
    {
        var duration = TimeSpan.FromMinutes(47) + TimeSpan.FromSeconds(12);
        var error = Assert.Throws<DomainRuleException>(() => RecordingLength.ValidateParts(
            [Range(0, 60), Range(300, 180), Range(-5, 10), Range(2900, 3000), Range(2000, 3000)],
            duration));

        Assert.Equal(RecordingLength.PartsField, error.Field);
        Assert.Equal(
            [
                "Part 2 must start before it ends (it starts at 5:00 and ends at 3:00).",
                "Part 3 starts before the recording does: start at 0:00 or later.",
                "Part 4 starts at 48:20, after the recording ends (47:12).",
                "Part 5 ends at 50:00, after the recording ends (47:12).",
            ],
            error.Reasons);
    }

    [Fact]
    public void No_parts_or_too_many_parts_are_refused()
    {
        var none = Assert.Throws<DomainRuleException>(() => RecordingLength.ValidateParts([], Twenty));
        var many = Assert.Throws<DomainRuleException>(() => RecordingLength.ValidateParts(
            Enumerable.Range(0, RecordingLength.MaxParts + 1).Select(i => Range(i, i + 1)).ToList(), Twenty));

        Assert.Equal(["Give at least one part to cut."], none.Reasons);
        Assert.Equal([$"Cut at most {RecordingLength.MaxParts} parts at a time."], many.Reasons);
    }

    [Theory]
    [InlineData(65, "1:05")]
    [InlineData(3723, "1:02:03")]
    public void Times_are_shown_as_a_player_shows_them(int seconds, string shown) =>
        Assert.Equal(shown, RecordingLength.Clock(TimeSpan.FromSeconds(seconds)));
}
