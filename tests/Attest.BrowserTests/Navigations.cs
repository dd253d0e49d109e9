using Microsoft.Playwright;

namespace Attest.BrowserTests;

/// <summary>
/// Counts what a person waits for on a page from now on: form posts, and page loads of any kind (a post answered with a
/// redirect is one load, as the person sees it). Issue 14 measures daily work in these, not in milliseconds.
/// </summary>
public sealed class Navigations : IDisposable
{
    private readonly IPage _page;
    public int Posts { get; private set; }
    public int PageLoads { get; private set; }

    private Navigations(IPage page)
    {
        _page = page;
        _page.Request += Counted;
    }

    public static Navigations Count(IPage page) => new(page);

    private void Counted(object? sender, IRequest request)
    {
        if (!request.IsNavigationRequest || request.Frame != _page.MainFrame || request.RedirectedFrom is not null)
        {
            return;
        }

        PageLoads++;
        if (request.Method == "POST")
        {
            Posts++;
        }
    }

    public void Dispose() => _page.Request -= Counted;
}
