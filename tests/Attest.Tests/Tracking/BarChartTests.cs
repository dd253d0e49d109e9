using System.Xml.Linq;
using Attest.Web.Features.Tracking;

namespace Attest.Tests.Tracking;

/// <summary>The dashboard's charts: bars in proportion, named for screen readers, and text that cannot break out of the SVG.</summary>
public class BarChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XElement Render(IReadOnlyList<Bar> bars, int max)
    {
        using var writer = new StringWriter();
        BarChart.Render("coverage", "IQA coverage", "Asha: 75%; Bo: 25%.", bars, max).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return XElement.Parse(writer.ToString());
    }

    [Fact]
    public void Bars_are_in_proportion_to_the_maximum_and_never_longer_than_the_chart()
    {
        var svg = Render([new("Asha", 75, "75%"), new("Bo", 25, "25%"), new("Cy", 0, "0%"), new("Over", 150, "150%")], 100);
        var widths = svg.Elements(Svg + "rect").Select(r => (int)r.Attribute("width")!).ToList();
        Assert.Equal([240, 80, 0, BarChart.BarSpace], widths);
        Assert.Equal(3 * widths[1], widths[0]);
        Assert.Equal(0, BarChart.Length(5, 0)); // an empty centre draws no bars rather than dividing by zero
    }

    [Fact]
    public void The_chart_is_an_image_named_by_its_title_and_description_and_labels_are_escaped()
    {
        var svg = Render([new("<script>alert(1)</script> & Co", 10, "10%")], 100);
        Assert.Equal("img", (string)svg.Attribute("role")!);
        Assert.Equal("coverage-title coverage-desc", (string)svg.Attribute("aria-labelledby")!);
        Assert.Equal("IQA coverage", svg.Element(Svg + "title")!.Value);
        Assert.Equal("Asha: 75%; Bo: 25%.", svg.Element(Svg + "desc")!.Value);
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName == "script");
        Assert.Equal(["<script>alert(1)</script> & Co", "10%"], svg.Elements(Svg + "text").Select(t => t.Value));
    }
}
