namespace Attest.Web.Features.Shared;

/// <summary>One GOV.UK form field with its label, hint and error, rendered by _Field.cshtml.</summary>
public sealed record FieldModel(string Name, string Label, string? Value, string Type = "text", string? Hint = null, string Width = "", string Autocomplete = "off");
