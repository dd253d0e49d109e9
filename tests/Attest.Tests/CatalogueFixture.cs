using Attest.Core.Qualifications;

namespace Attest.Tests;

/// <summary>The shipped catalogue, loaded once from the repository's catalogue/ folder.</summary>
public static class ShippedCatalogue
{
    private static readonly Lazy<Catalogue> Loaded = new(() => CatalogueLoader.LoadOrThrow(Folder));

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "catalogue");

    public static Catalogue Catalogue => Loaded.Value;

    public static QualificationSpec Diploma03456 => Catalogue.Find("03456")!;

    public static QualificationSpec CambridgeTechnical => Catalogue.Find("CTL2-CS")!;

    public static UnitSpec Unit7 => CambridgeTechnical.FindUnit("7")!;
}
