namespace Attest.Core.Centres;

/// <summary>A training centre: the tenant. Several share one deployment and see nothing of each other.</summary>
public sealed class Centre
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>The awarding body's centre number.</summary>
    public required string Number { get; set; }

    public DateTime CreatedAt { get; init; }

    /// <summary>Bytes of evidence the centre may hold, set by the operator of the deployment; null: the deployment's default (Uploads:CentreQuotaBytes).</summary>
    public long? QuotaBytes { get; set; }
}
