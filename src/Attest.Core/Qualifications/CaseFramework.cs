using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Attest.Core.Qualifications;

/// <summary>An item or association of a CASE framework that Attest did not take in, and why.</summary>
public sealed record CaseNotMapped(string Identifier, string Type, string Reason)
{
    public string Describe() => $"{Type} {Identifier}: {Reason}";
}

/// <summary>
/// What a CASE framework gave: the specification (null when <see cref="Problems"/> says why it was refused, each problem
/// on its own) and what was left out. The specification still goes through the one validator before it is saved.
/// </summary>
public sealed record CaseImport(QualificationSpec? Spec, IReadOnlyList<string> Problems, IReadOnlyList<CaseNotMapped> NotMapped)
{
    /// <summary>"3 units, 4 learning outcomes and 9 criteria", what was taken in.</summary>
    public string Mapped => Spec is not { } spec ? "nothing"
        : $"{Count(spec.Units.Count, "unit")}, {Count(spec.Units.Sum(u => u.LearningOutcomes.Count), "learning outcome")} and {Count(spec.Units.Sum(u => u.Criteria.Count()), "criterion", "criteria")}";

    private static string Count(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n} {many ?? one + "s"}";
}

/// <summary>
/// 1EdTech CASE 1.1 frameworks (CFDocument, CFItems, CFAssociations as JSON) read as a specification and written from one
/// (issue 16, docs/catalogue.md "CASE 1.1"). CASE carries a hierarchy of statements: units, learning outcomes and criteria
/// map onto it; what Attest needs that CASE has no field for (level, credits, grades, ...) travels in each object's
/// <c>extensions.attest</c>. Unit groups, rules of combination, evidence requirements, policy, sufficiency, tasks and grading
/// text have no place in CASE and are neither exported nor imported. Pure: no I/O.
/// </summary>
public static class CaseFramework
{
    /// <summary>A framework with every criterion of a long qualification is about 1 MB; beyond this it is refused unread.</summary>
    public const int MaxJsonBytes = 10 * 1024 * 1024;

    /// <summary>Every unit of an imported framework goes in this one group: CASE has no unit groups or rules of combination.</summary>
    public const string GroupId = "A";

    private const string UnitType = "Unit";
    private const string OutcomeType = "Learning Outcome";
    private const string PerformanceType = "Assessment Criterion";
    private const string KnowledgeType = "Knowledge Criterion";
    private const string ChildOf = "isChildOf";

    /// <summary>The names for identifiers Attest makes: a UUID from SHA-1 of the qualification's code and the item's path (as UUID v5 does).</summary>
    private static readonly Guid IdentifierNamespace = new("6f0d3b9e-6b1e-4d43-9f3a-2c1e5a7b8d90");

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    private enum Mapped { None, Unit, Outcome, Performance, Knowledge }

    /// <summary>Reads a CASE package; refuses the whole of it, with every reason, when it cannot be read as one qualification.</summary>
    public static CaseImport Import(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxJsonBytes)
        {
            return Refused(TooLarge(json.Length));
        }

        Package? package;
        try
        {
            package = JsonSerializer.Deserialize<Package>(json, Options);
        }
        catch (JsonException ex)
        {
            return Refused(InvalidJson(ex));
        }

        if (package?.Document is not { } document)
        {
            return Refused("The file has no CFDocument: a CASE package is an object with CFDocument, CFItems and CFAssociations.");
        }

        return new Importer(document, package.Items ?? [], package.Associations ?? []).Run();
    }

    /// <summary>
    /// The specification as a CASE package; identifiers come from the qualification's code and each item's place, so the same
    /// specification always gives the same file.
    /// </summary>
    /// <param name="lastChange">When the specification last changed (CASE requires it on every object): a version's saving time.</param>
    public static string Export(QualificationSpec spec, DateTime lastChange)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var changed = lastChange.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
        var documentId = Identifier(spec.Code, string.Empty);
        var documentLink = new Link(spec.Title, documentId, Uri(documentId));
        var items = new List<Item>();
        var associations = new List<Association>();

        Link Add(string path, string type, string code, string statement, Extensions? extensions, Link parent, int sequence)
        {
            var id = Identifier(spec.Code, path);
            items.Add(new Item(id, Uri(id), statement, type, code, null, documentLink, changed, extensions));
            var link = new Link(code, id, Uri(id));
            var associationId = Identifier(spec.Code, path + "/isChildOf");
            associations.Add(new Association(associationId, Uri(associationId), ChildOf, link, parent, sequence, documentLink, changed));
            return link;
        }

        foreach (var (unit, u) in spec.Units.Select((unit, u) => (unit, u)))
        {
            var unitPath = $"unit/{unit.Code}";
            var unitLink = Add(unitPath, UnitType, unit.Code, unit.Title, new Extensions(Attest: new AttestFields(
                AccreditationNumber: unit.AccreditationNumber, Level: unit.Level, Credits: unit.Credits, GuidedLearningHours: unit.GuidedLearningHours,
                Source: unit.Source, Aim: unit.Aim, NotAssessableReason: unit.NotAssessableReason)), documentLink, u + 1);
            foreach (var (outcome, o) in unit.LearningOutcomes.Select((outcome, o) => (outcome, o)))
            {
                var outcomePath = $"{unitPath}/outcome/{outcome.Ref}";
                var outcomeLink = Add(outcomePath, OutcomeType, outcome.Ref, outcome.Title, null, unitLink, o + 1);
                foreach (var (criterion, c) in outcome.Criteria.Select((criterion, c) => (criterion, c)))
                {
                    var fields = new AttestFields(
                        Grade: criterion.Grade?.ToString(), MinInstances: criterion.MinInstances > 1 ? criterion.MinInstances : null,
                        CaseLog: criterion.CaseLog is { Count: > 0 } parts ? parts : null);
                    Add($"{unitPath}/criterion/{criterion.Ref}", criterion.Kind == CriterionKind.Knowledge ? KnowledgeType : PerformanceType, criterion.Ref, criterion.Text,
                        fields == new AttestFields() ? null : new Extensions(fields), outcomeLink, c + 1);
                }
            }
        }

        var cfDocument = new Document(
            documentId, Uri(documentId), spec.AwardingBody, spec.Title, spec.Code, changed, spec.Notes, null, "1.1",
            new Extensions(new AttestFields(Level: spec.Level, Assessment: spec.Assessment.ToString(), Source: spec.Source)));
        return JsonSerializer.Serialize(new Package(cfDocument, items, associations), Options) + "\n";
    }

    /// <summary>
    /// An imported framework for a qualification the centre already runs, with what CASE cannot carry taken from the version in
    /// force: each unit's evidence requirements, policy, sufficiency, tasks and grading, and (when the framework has the same
    /// units) the unit groups, rules of combination and dates. So a version exported and imported again is the same version.
    /// </summary>
    /// <returns>The specification, and whether the groups and rules were kept (else every unit is in the one group).</returns>
    public static (QualificationSpec Spec, bool GroupsKept) KeepFrom(QualificationSpec imported, QualificationSpec inForce)
    {
        ArgumentNullException.ThrowIfNull(imported);
        ArgumentNullException.ThrowIfNull(inForce);
        var units = imported.Units.Select(u => inForce.FindUnit(u.Code) is not { } before ? u : u with
        {
            EvidenceRequirements = before.EvidenceRequirements, Policy = before.Policy, Sufficiency = before.Sufficiency, Tasks = before.Tasks, Grading = before.Grading,
        }).ToList();
        var sameUnits = imported.Units.Count == inForce.Units.Count && imported.Units.All(u => inForce.FindUnit(u.Code) is not null);
        var spec = imported with { Units = units };
        return sameUnits
            ? (spec with { Groups = inForce.Groups, Rules = inForce.Rules, LastRegistrationDate = inForce.LastRegistrationDate, LastCertificationDate = inForce.LastCertificationDate }, true)
            : (spec, false);
    }

    public static string TooLarge(long size) => $"The file is {FileSizes.Describe(size)}; a CASE framework can be at most {FileSizes.Describe(MaxJsonBytes)}.";

    private static CaseImport Refused(params string[] problems) => new(null, problems, []);

    private static string InvalidJson(JsonException ex)
    {
        var at = ex.LineNumber is long line ? $" at line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}" : string.Empty;
        var where = ex.Path is { Length: > 1 } path ? $" ({path})" : string.Empty;
        // System.Text.Json ends its message with the position, given above; a wrong kind of value names a .NET type nobody needs.
        var reason = ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0];
        if (reason.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            reason = "the value is not the kind CASE gives this field (text, a number, a list or an object)";
        }

        return $"The file is not valid CASE JSON{at}{where}: {reason}";
    }

    private static string Identifier(string code, string path)
    {
        // RFC 4122 name-based UUID (version 5): SHA-1 of the namespace's bytes and the name, with the version and variant bits set.
        var name = Encoding.UTF8.GetBytes($"{code}/{path}");
        var bytes = IdentifierNamespace.ToByteArray(bigEndian: true).Concat(name).ToArray();
#pragma warning disable CA5350 // SHA-1 is what UUID v5 is made of: a name, not a secret.
        var hash = SHA1.HashData(bytes);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }

    private static string Uri(string identifier) => "urn:uuid:" + identifier;

    private static Mapped Kind(string? type) => type?.Trim().ToUpperInvariant() switch
    {
        "UNIT" => Mapped.Unit,
        "LEARNING OUTCOME" => Mapped.Outcome,
        "ASSESSMENT CRITERION" or "CRITERION" or "PERFORMANCE CRITERION" => Mapped.Performance,
        "KNOWLEDGE CRITERION" => Mapped.Knowledge,
        _ => Mapped.None,
    };

    /// <summary>One import: the package's checks, then a walk down the isChildOf tree from the CFDocument.</summary>
    private sealed class Importer(Document document, List<Item> items, List<Association> associations)
    {
        private readonly List<string> _problems = [];
        private readonly List<CaseNotMapped> _notMapped = [];
        private readonly Dictionary<string, Item> _items = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<(Association Link, int Order)>> _children = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _parent = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>The items the walk down from the CFDocument reached; the others are not in the framework's tree.</summary>
        private readonly HashSet<string> _placed = new(StringComparer.OrdinalIgnoreCase);

        public CaseImport Run()
        {
            var documentId = document.Identifier;
            if (string.IsNullOrWhiteSpace(documentId))
            {
                _problems.Add("The CFDocument has no identifier.");
                documentId = string.Empty;
            }

            if (string.IsNullOrWhiteSpace(document.HumanCodingScheme))
            {
                _problems.Add("The CFDocument has no humanCodingScheme: Attest takes the qualification's code from it (for example \"humanCodingScheme\": \"03456\").");
            }

            if (string.IsNullOrWhiteSpace(document.Title))
            {
                _problems.Add("The CFDocument has no title.");
            }

            if (string.IsNullOrWhiteSpace(document.Creator))
            {
                _problems.Add("The CFDocument has no creator: Attest takes the awarding body from it.");
            }

            if (document.Extensions?.Attest?.Level is null)
            {
                _problems.Add("The CFDocument gives no level: CASE has no field for a qualification's level, so Attest reads it from \"extensions\": {\"attest\": {\"level\": 3}} on the CFDocument.");
            }

            IndexItems(documentId);
            LinkItems(documentId);
            FindCycles();
            if (_problems.Count > 0)
            {
                return new CaseImport(null, _problems, _notMapped);
            }

            var units = Walk(documentId);
            foreach (var orphan in items.Where(i => !_placed.Contains(i.Identifier!)))
            {
                _notMapped.Add(new CaseNotMapped(orphan.Identifier!, orphan.CFItemType ?? "item", "it is not placed in the framework by an isChildOf association"));
            }

            if (units.Count == 0 && _problems.Count == 0)
            {
                _problems.Add("The framework has no item of type \"Unit\" under its CFDocument: there is nothing to assess.");
            }

            return _problems.Count > 0 ? new CaseImport(null, _problems, _notMapped) : new CaseImport(Qualification(units), [], _notMapped);
        }

        private void IndexItems(string documentId)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { documentId };
            foreach (var (item, i) in items.Select((item, i) => (item, i)))
            {
                if (item is null)
                {
                    _problems.Add($"CFItems[{i}] is not an object.");
                }
                else if (string.IsNullOrWhiteSpace(item.Identifier))
                {
                    _problems.Add($"CFItems[{i}] has no identifier.");
                }
                else if (!seen.Add(item.Identifier))
                {
                    _problems.Add($"The identifier {item.Identifier} is used more than once (CFItems[{i}]): each CFDocument and CFItem needs its own.");
                }
                else
                {
                    _items[item.Identifier] = item;
                }
            }
        }

        private void LinkItems(string documentId)
        {
            foreach (var (association, i) in associations.Select((association, i) => (association, i)))
            {
                if (association is null)
                {
                    _problems.Add($"CFAssociations[{i}] is not an object.");
                    continue;
                }

                var name = association.Identifier ?? $"CFAssociations[{i}]";
                if (!string.Equals(association.AssociationType, ChildOf, StringComparison.OrdinalIgnoreCase))
                {
                    _notMapped.Add(new CaseNotMapped(name, association.AssociationType ?? "association", "Attest reads only isChildOf associations, which give the hierarchy"));
                    continue;
                }

                var child = association.OriginNodeURI?.Identifier;
                var parent = association.DestinationNodeURI?.Identifier;
                if (child is null || !_items.ContainsKey(child))
                {
                    _problems.Add($"Association {name} (isChildOf) starts from {child ?? "no identifier"}, which is not a CFItem of this framework.");
                    continue;
                }

                if (parent is null || (!_items.ContainsKey(parent) && !string.Equals(parent, documentId, StringComparison.OrdinalIgnoreCase)))
                {
                    _problems.Add($"Association {name} (isChildOf) places {Name(child)} under {parent ?? "no identifier"}, which is neither this CFDocument nor one of its CFItems.");
                    continue;
                }

                if (_parent.TryGetValue(child, out var earlier))
                {
                    if (!string.Equals(earlier, parent, StringComparison.OrdinalIgnoreCase))
                    {
                        _problems.Add($"{Name(child)} is a child of both {Name(earlier)} and {Name(parent)}: Attest places each item once.");
                    }

                    continue;
                }

                _parent[child] = parent;
                if (!_children.TryGetValue(parent, out var siblings))
                {
                    _children[parent] = siblings = [];
                }

                siblings.Add((association, i));
            }
        }

        /// <summary>Each item has one parent, so a cycle is a walk up that comes back to where it started (no recursion: depth is the file's to choose).</summary>
        private void FindCycles()
        {
            var settled = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var start in _parent.Keys)
            {
                var path = new List<string>();
                var onPath = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                var at = start;
                while (at is not null && !settled.Contains(at) && onPath.Add(at))
                {
                    path.Add(at);
                    at = _parent.GetValueOrDefault(at);
                }

                if (at is not null && onPath.Contains(at))
                {
                    var cycle = path.Skip(path.FindIndex(p => string.Equals(p, at, StringComparison.OrdinalIgnoreCase))).Append(at);
                    _problems.Add($"The isChildOf associations go round in a cycle: {string.Join(" is a child of ", cycle.Select(Name))}.");
                }

                settled.UnionWith(path);
            }
        }

        private IEnumerable<Item> Children(string parent) =>
            (_children.GetValueOrDefault(parent) ?? []).OrderBy(c => c.Link.SequenceNumber ?? int.MaxValue).ThenBy(c => c.Order).Select(c => _items[c.Link.OriginNodeURI!.Identifier!]);

        /// <summary>
        /// Down the tree in sequence order: units, their outcomes, their criteria. An item of a type Attest does not know is
        /// reported and looked through (its children still count); a known type in the wrong place is reported with all beneath it.
        /// </summary>
        private List<UnitBuilder> Walk(string documentId)
        {
            var units = new List<UnitBuilder>();
            var unitCodes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var stack = new Stack<(Item Item, UnitBuilder? Unit, OutcomeBuilder? Outcome, string? Blocked)>();
            void Push(string parent, UnitBuilder? unit, OutcomeBuilder? outcome, string? blocked)
            {
                foreach (var child in Children(parent).Reverse())
                {
                    stack.Push((child, unit, outcome, blocked));
                }
            }

            Push(documentId, null, null, null);
            while (stack.Count > 0)
            {
                var (item, unit, outcome, blocked) = stack.Pop();
                var id = item.Identifier!;
                _placed.Add(id);
                var type = item.CFItemType ?? "item";
                if (blocked is not null)
                {
                    _notMapped.Add(new CaseNotMapped(id, type, $"it is under {blocked}, which is not mapped"));
                    Push(id, null, null, blocked);
                    continue;
                }

                var kind = Kind(item.CFItemType);
                var misplaced = kind switch
                {
                    _ when outcome?.UnderCriterion is { } criterion => $"it is under criterion {criterion}, and a criterion has no parts in Attest",
                    Mapped.Unit when unit is not null => $"it is inside unit {unit.Code}; units sit directly under the CFDocument",
                    Mapped.Outcome when unit is null => "a learning outcome must be inside a unit",
                    Mapped.Outcome when outcome is not null => $"it is inside learning outcome {outcome.Ref}; outcomes sit directly in a unit",
                    Mapped.Performance or Mapped.Knowledge when outcome is null => "a criterion must be inside a learning outcome",
                    _ => null,
                };
                if (misplaced is not null)
                {
                    _notMapped.Add(new CaseNotMapped(id, type, misplaced));
                    Push(id, null, null, Name(id));
                    continue;
                }

                switch (kind)
                {
                    case Mapped.None:
                        _notMapped.Add(new CaseNotMapped(id, type, $"the type \"{type}\" is not one Attest maps ({UnitType}, {OutcomeType}, {PerformanceType} or Criterion, {KnowledgeType}); the items under it are read as if it were not there"));
                        Push(id, unit, outcome, null);
                        break;
                    case Mapped.Unit when Code(item, "unit's code") is { } code:
                        var newUnit = new UnitBuilder(item, code);
                        if (!unitCodes.TryAdd(code, id))
                        {
                            _problems.Add($"Units {Name(unitCodes[code])} and {Name(id)} have the same code {code}.");
                        }

                        units.Add(newUnit);
                        Push(id, newUnit, null, null);
                        break;
                    case Mapped.Outcome when Code(item, "learning outcome's ref") is { } reference:
                        var newOutcome = new OutcomeBuilder(item, reference);
                        if (!unit!.OutcomeRefs.TryAdd(reference, id))
                        {
                            _problems.Add($"In unit {unit.Code}, learning outcomes {Name(unit.OutcomeRefs[reference])} and {Name(id)} have the same ref {reference}.");
                        }

                        unit.Outcomes.Add(newOutcome);
                        Push(id, unit, newOutcome, null);
                        break;
                    case Mapped.Performance or Mapped.Knowledge when Code(item, "criterion's ref") is { } reference:
                        if (!unit!.CriterionRefs.TryAdd(reference, id))
                        {
                            _problems.Add($"In unit {unit.Code}, criteria {Name(unit.CriterionRefs[reference])} and {Name(id)} have the same ref {reference}: each criterion needs its own.");
                        }

                        outcome!.Criteria.Add(Criterion(item, reference, kind));
                        Push(id, unit, outcome with { UnderCriterion = reference }, null);
                        break;
                    default:
                        // Its code is missing: Code() has said so, and nothing is saved.
                        break;
                }
            }

            return units;
        }

        private string? Code(Item item, string what)
        {
            var code = (item.HumanCodingScheme ?? item.ListEnumeration)?.Trim();
            if (string.IsNullOrEmpty(code))
            {
                _problems.Add($"{item.CFItemType} {item.Identifier} has no humanCodingScheme: Attest takes the {what} from it.");
                return null;
            }

            if (string.IsNullOrWhiteSpace(item.FullStatement))
            {
                _problems.Add($"{item.CFItemType} {code} ({item.Identifier}) has no fullStatement.");
            }

            return code;
        }

        private static CriterionSpec Criterion(Item item, string reference, Mapped kind)
        {
            var fields = item.Extensions?.Attest;
            return new CriterionSpec(
                reference, kind == Mapped.Knowledge ? CriterionKind.Knowledge : CriterionKind.Performance,
                Enum.TryParse<GradeBand>(fields?.Grade, ignoreCase: true, out var band) ? band : null,
                item.FullStatement ?? string.Empty, fields?.MinInstances ?? 1, fields?.CaseLog);
        }

        private QualificationSpec Qualification(List<UnitBuilder> units)
        {
            var fields = document.Extensions?.Attest;
            var source = fields?.Source ?? $"CASE framework \"{document.Title}\" by {document.Creator} ({document.OfficialSourceURL ?? document.Uri ?? document.Identifier})";
            var specs = units.Select(u =>
            {
                var unit = u.Item.Extensions?.Attest;
                var outcomes = u.Outcomes.Select(o => new LearningOutcomeSpec(o.Ref, o.Item.FullStatement ?? string.Empty, [.. o.Criteria])).ToList();
                return new UnitSpec(
                    u.Code, unit?.AccreditationNumber, u.Item.FullStatement ?? string.Empty, unit?.Level, unit?.Credits, unit?.GuidedLearningHours,
                    unit?.Source ?? source,
                    outcomes.Count > 0 ? null : unit?.NotAssessableReason ?? "The CASE framework gives this unit no learning outcomes: add them from the specification before it can be assessed.",
                    unit?.Aim, null, outcomes, [], [], null);
            }).ToList();
            var assessment = Enum.TryParse<AssessmentKind>(fields?.Assessment, ignoreCase: true, out var kind) ? kind : AssessmentKind.Competence;
            return new QualificationSpec(
                document.HumanCodingScheme!.Trim(), document.Title!, fields!.Level!.Value, document.Creator!, assessment, source, null, null, document.Notes,
                [new UnitGroupSpec(GroupId, "Units", true, [.. specs.Select(u => u.Code)])], null, specs, "CASE framework");
        }

        private string Name(string identifier) =>
            _items.TryGetValue(identifier, out var item) ? $"{item.CFItemType} {item.HumanCodingScheme ?? item.ListEnumeration} ({identifier})".Replace("  ", " ", StringComparison.Ordinal)
            : string.Equals(identifier, document.Identifier, StringComparison.OrdinalIgnoreCase) ? $"the CFDocument ({identifier})" : identifier;
    }

    private sealed record UnitBuilder(Item Item, string Code)
    {
        public List<OutcomeBuilder> Outcomes { get; } = [];

        /// <summary>Each outcome's and each criterion's ref, to the identifier of the item that gave it: refs must not collide within a unit.</summary>
        public Dictionary<string, string> OutcomeRefs { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, string> CriterionRefs { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    private sealed record OutcomeBuilder(Item Item, string Ref)
    {
        public List<CriterionSpec> Criteria { get; init; } = [];

        /// <summary>Set on the copy handed to a criterion's children: nothing may sit under a criterion.</summary>
        public string? UnderCriterion { get; init; }
    }

    // The CASE 1.1 JSON binding's names, as much of it as Attest reads or writes.
    private sealed record Package(
        [property: JsonPropertyName("CFDocument")] Document? Document,
        [property: JsonPropertyName("CFItems")] List<Item>? Items,
        [property: JsonPropertyName("CFAssociations")] List<Association>? Associations);

    private sealed record Document(
        string? Identifier, string? Uri, string? Creator, string? Title, string? HumanCodingScheme, string? LastChangeDateTime, string? Notes,
        string? OfficialSourceURL, string? CaseVersion, Extensions? Extensions);

    private sealed record Item(
        string? Identifier, string? Uri, string? FullStatement,
        [property: JsonPropertyName("CFItemType")] string? CFItemType, string? HumanCodingScheme, string? ListEnumeration,
        [property: JsonPropertyName("CFDocumentURI")] Link? CFDocumentURI, string? LastChangeDateTime, Extensions? Extensions);

    private sealed record Association(
        string? Identifier, string? Uri, string? AssociationType,
        [property: JsonPropertyName("originNodeURI")] Link? OriginNodeURI,
        [property: JsonPropertyName("destinationNodeURI")] Link? DestinationNodeURI,
        int? SequenceNumber,
        [property: JsonPropertyName("CFDocumentURI")] Link? CFDocumentURI, string? LastChangeDateTime);

    private sealed record Link(string? Title, string? Identifier, string? Uri);

    private sealed record Extensions(AttestFields? Attest);

    /// <summary>What Attest needs that CASE has no field for; each object carries the fields that apply to it.</summary>
    private sealed record AttestFields(
        int? Level = null, string? Assessment = null, string? Source = null, string? AccreditationNumber = null, int? Credits = null,
        int? GuidedLearningHours = null, string? Aim = null, string? NotAssessableReason = null, string? Grade = null, int? MinInstances = null,
        IReadOnlyList<string>? CaseLog = null);
}
