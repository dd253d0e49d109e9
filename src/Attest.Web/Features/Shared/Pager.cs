namespace Attest.Web.Features.Shared;

/// <summary>Server-side paging for a long list: which page, how many, and the link to another page with the same filters.</summary>
/// <param name="Name">What a screen reader calls the page links; a page with two paged lists names each.</param>
public sealed record Pager(int Page, int PageSize, int Total, Func<int, string> Link, string Name = "Pages")
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public int Skip => (Math.Clamp(Page, 1, Pages) - 1) * PageSize;

    public int Current => Math.Clamp(Page, 1, Pages);

    /// <summary>A page number from the query string, where anything that is not one is the first page.</summary>
    public static int Parse(string? page) => int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is > 0 and < 1_000_000 ? n : 1;
}
