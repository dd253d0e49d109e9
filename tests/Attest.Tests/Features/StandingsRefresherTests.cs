using Attest.Core.Data;
using Attest.Tests.Data;
using Attest.Web.Features.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Attest.Tests.Features;

/// <summary>
/// Issue 14: standings are kept for a day, so after midnight every learner's is stale. The app works them out just after
/// midnight by itself, so the first filtered list of the day does not have to.
/// </summary>
public class StandingsRefresherTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Just_after_midnight_every_enrolled_learner_has_a_current_standing_for_the_new_day_before_anyone_asks(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 23, 30, 0, TimeSpan.Zero));
        using var app = await new AttestFactory(provider, services: s => s.AddSingleton<TimeProvider>(clock)).SeedAsync();
        await CaseloadTests.AddLearnersAsync(app, app.A.AssessorUserId, 30);
        var newDay = new DateOnly(2026, 12, 8);
        Assert.True(await EnrolledAsync(app, app.A.Id) > 30);

        // Past midnight by the app's clock: its own timer wakes the pass; no page is asked for.
        clock.Advance(TimeSpan.FromMinutes(40));

        foreach (var centre in new[] { app.A.Id, app.B.Id })
        {
            await Eventually(async () => await WithoutCurrentStandingAsync(app, centre, newDay) == 0, $"centre {centre}: standings for {newDay} not all worked out");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_requests_working_out_the_same_learners_at_once_both_succeed_and_keep_one_row_each_with_no_error_logged(DatabaseProvider provider)
    {
        var errors = new ErrorLog();
        using var app = await new AttestFactory(provider, services: s => s.AddSingleton<ILoggerProvider>(errors)).SeedAsync();
        await CaseloadTests.AddLearnersAsync(app, app.A.AssessorUserId, 30);
        var catalogue = app.Services.GetRequiredService<Core.Qualifications.SpecificationLibrary>().Shipped;
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var enrolled = await EnrolledAsync(app, app.A.Id);
        var raced = false;
        for (var round = 0; round < 5; round++)
        {
            await using (var db = app.Db(app.A.Id))
            {
                await db.TrackedStandings.ExecuteDeleteAsync();
            }

            // Each on its own connection, as two requests (or instances) would be; both find every learner stale.
            var worked = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                await using var db = app.Db(app.A.Id);
                return await TrackedStandings.RefreshAsync(db, new Core.Qualifications.Catalogue(catalogue), db.Enrolments.Where(e => e.WithdrawnOn == null), today, default);
            })));
            raced |= worked.All(w => w == enrolled);
            Assert.Equal(0, await WithoutCurrentStandingAsync(app, app.A.Id, today));
            await using (var db = app.Db(app.A.Id))
            {
                Assert.Equal(enrolled, await db.TrackedStandings.CountAsync(s => s.Day == today));
            }
        }

        Assert.True(raced, "no round had both requests work out every learner at once");
        Assert.Empty(errors.Logged);
    }

    /// <summary>Learners still enrolled (not withdrawn) in the centre.</summary>
    internal static async Task<int> EnrolledAsync(AttestFactory app, Guid centre)
    {
        await using var db = app.Db(centre);
        return await db.Enrolments.CountAsync(e => e.WithdrawnOn == null);
    }

    /// <summary>Learners still enrolled in the centre with no kept standing for <paramref name="day"/> from their current progress.</summary>
    internal static async Task<int> WithoutCurrentStandingAsync(AttestFactory app, Guid centre, DateOnly day)
    {
        await using var db = app.Db(centre);
        return await TrackedStandings.Current(db, db.Enrolments.Where(e => e.WithdrawnOn == null), day, current: false).CountAsync();
    }

    private static async Task Eventually(Func<Task<bool>> condition, string message)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(60); waited += TimeSpan.FromMilliseconds(200))
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail(message);
    }

    /// <summary>Everything logged at error level or above, by anyone: EF Core logs a failed save as an error whoever catches it.</summary>
    private sealed class ErrorLog : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Logged { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ErrorLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    log.Logged.Enqueue($"{category}: {formatter(state, exception)}");
                }
            }
        }
    }
}
