using Attest.Core.Assessment;
using Attest.Core.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Witness;

/// <summary>The witnesses named for a candidate, and adding one (by the candidate or the assessor).</summary>
public static class WitnessRegister
{
    public static Task<List<Core.Assessment.Witness>> ForCandidateAsync(AttestDbContext db, Guid candidateId, CancellationToken cancellationToken) =>
        db.Witnesses.AsNoTracking().Where(w => w.CandidateId == candidateId).OrderBy(w => w.Name).ToListAsync(cancellationToken);

    /// <summary>Adds the witness, or puts each broken rule on its field and returns null.</summary>
    public static Core.Assessment.Witness? Add(AttestDbContext db, Guid centreId, Guid candidateId, WitnessInput input, Guid addedBy, DateTime now, ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(modelState);
        var errors = Core.Assessment.Witness.Check(input.Name, input.JobTitle, input.Relationship, input.Contact);
        foreach (var (field, message) in errors)
        {
            modelState.AddModelError("Witness." + field, message);
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var witness = new Core.Assessment.Witness
        {
            CentreId = centreId, CandidateId = candidateId, Name = input.Name!.Trim(), JobTitle = input.JobTitle!.Trim(), Relationship = input.Relationship!.Trim(),
            Contact = input.Contact!.Trim(), IsExpert = input.IsExpert, AddedBy = addedBy, AddedAt = now,
        };
        db.Witnesses.Add(witness);
        return witness;
    }
}

public sealed class WitnessInput
{
    public string? Name { get; set; }

    public string? JobTitle { get; set; }

    public string? Relationship { get; set; }

    public string? Contact { get; set; }

    public bool IsExpert { get; set; }
}
