namespace MotCua.Domain.Organization;

/// <summary>
/// The units valid on one day, as a tree. Built from snapshots so the same code answers "today" and
/// "as it was on 1 March 2024". Immutable, safe to share between requests.
/// </summary>
public sealed class UnitTree
{
    private readonly Dictionary<Guid, UnitSnapshot> _byId;
    private readonly Dictionary<Guid, List<UnitSnapshot>> _children = [];
    private readonly Dictionary<string, UnitSnapshot> _byCode = new(StringComparer.OrdinalIgnoreCase);

    public UnitTree(DateOnly day, IEnumerable<UnitSnapshot> units)
    {
        Day = day;
        _byId = units.ToDictionary(u => u.Id);
        foreach (var unit in _byId.Values.OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            _byCode.TryAdd(unit.Code, unit);
            // A parent outside the tree (closed the same day) makes the unit a root rather than lost.
            var parent = unit.ParentId is { } p && _byId.ContainsKey(p) ? p : Guid.Empty;
            if (!_children.TryGetValue(parent, out var list)) _children[parent] = list = [];
            list.Add(unit);
        }
    }

    public DateOnly Day { get; }

    public int Count => _byId.Count;

    public IReadOnlyCollection<UnitSnapshot> All => _byId.Values;

    public IReadOnlyList<UnitSnapshot> Roots => ChildrenOf(Guid.Empty);

    public UnitSnapshot? Find(Guid id) => _byId.GetValueOrDefault(id);

    public UnitSnapshot? FindByCode(string code) => _byCode.GetValueOrDefault(code);

    public IReadOnlyList<UnitSnapshot> ChildrenOf(Guid id) => _children.TryGetValue(id, out var list) ? list : [];

    /// <summary>The unit's ancestors from its parent up to the root.</summary>
    public IEnumerable<UnitSnapshot> AncestorsOf(Guid id)
    {
        var seen = new HashSet<Guid> { id };
        for (var current = Find(id); current?.ParentId is { } p && seen.Add(p) && Find(p) is { } parent; current = parent)
        {
            yield return parent;
        }
    }

    /// <summary>The unit and every unit below it, depth first.</summary>
    public IEnumerable<UnitSnapshot> SelfAndDescendants(Guid id)
    {
        if (Find(id) is not { } root) yield break;
        var stack = new Stack<UnitSnapshot>([root]);
        while (stack.Count > 0)
        {
            var unit = stack.Pop();
            yield return unit;
            var children = ChildrenOf(unit.Id);
            for (var i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }
    }

    public int DepthOf(Guid id) => AncestorsOf(id).Count();
}
