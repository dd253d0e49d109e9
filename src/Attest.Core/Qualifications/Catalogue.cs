namespace Attest.Core.Qualifications;

/// <summary>Every qualification the deployment offers, as loaded and validated at start.</summary>
public sealed class Catalogue(IReadOnlyList<QualificationSpec> qualifications)
{
    public IReadOnlyList<QualificationSpec> Qualifications { get; } = qualifications;

    public QualificationSpec? Find(string code) =>
        Qualifications.FirstOrDefault(q => string.Equals(q.Code, code, StringComparison.OrdinalIgnoreCase));
}
