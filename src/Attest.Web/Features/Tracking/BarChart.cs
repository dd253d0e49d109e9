using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Attest.Web.Features.Tracking;

/// <summary>One bar: its label, its length in units of the chart's maximum, and the value as read out.</summary>
public sealed record Bar(string Label, int Value, string Shown, string Colour = BarChart.Blue);

/// <summary>
/// A horizontal bar chart as inline SVG, drawn on the server: no script, no chart library. The chart is an image with a
/// title and description for screen readers; every chart on a page sits beside a table of the same figures, which is
/// what assistive technology and the exports read. Colours keep 3:1 against white (WCAG 1.4.11) and each bar is labelled
/// in text, so colour never carries the meaning alone.
/// </summary>
public static class BarChart
{
    public const string Blue = "#1d70b8";
    public const string Green = "#00703c";
    public const string Amber = "#a15c00";
    public const string Red = "#d4351c";
    public const string Grey = "#505a5f";

    /// <summary>Narrow enough that labels stay readable when a phone scales the chart down to its width.</summary>
    public const int Width = 400;

    /// <summary>The longest bar; the rest of the width holds the value after it.</summary>
    public const int BarSpace = 320;

    private const int RowHeight = 50;

    public static IHtmlContent Render(string id, string title, string description, IReadOnlyList<Bar> bars, int max)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var e = HtmlEncoder.Default;
        var height = Math.Max(1, bars.Count) * RowHeight + 4;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"attest-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{e.Encode(id)}-title {e.Encode(id)}-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{e.Encode(id)}-title\">{e.Encode(title)}</title><desc id=\"{e.Encode(id)}-desc\">{e.Encode(description)}</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var top = i * RowHeight;
            var length = Length(bar.Value, max);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{top + 18}\">{e.Encode(bar.Label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{top + 24}\" width=\"{length}\" height=\"18\" fill=\"{e.Encode(bar.Colour)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{length + 6}\" y=\"{top + 39}\">{e.Encode(bar.Shown)}</text>");
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }

    /// <summary>A bar's length: proportional to the maximum, and never longer than the space for bars.</summary>
    public static int Length(int value, int max) => max <= 0 ? 0 : (int)Math.Round(Math.Clamp(value, 0, max) * (double)BarSpace / max, MidpointRounding.AwayFromZero);
}
