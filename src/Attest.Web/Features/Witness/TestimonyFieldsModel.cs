namespace Attest.Web.Features.Witness;

/// <summary>The testimony fields with what was entered and the warnings on its description.</summary>
public sealed record TestimonyFieldsModel(TestimonyInput Input, IReadOnlyList<string> Warnings);
