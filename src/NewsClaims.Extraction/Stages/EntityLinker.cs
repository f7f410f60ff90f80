using NewsClaims.Extraction.Model;

namespace NewsClaims.Extraction.Stages;

/// <summary>Someone named in the article: every name mention of the same person links to one entity.</summary>
internal sealed class Entity(string name, string last, string first)
{
    public string Name { get; set; } = name;

    public string Last { get; } = last;

    public string First { get; set; } = first;

    public string? Role { get; set; }

    public bool PersonLike { get; set; }

    public List<string> Surfaces { get; } = [];

    public void AddSurface(string surface)
    {
        if (!Surfaces.Contains(surface, StringComparer.Ordinal))
        {
            Surfaces.Add(surface);
        }
    }
}

/// <summary>
/// Links name mentions to entities: a full name starts a person, a later surname or first name alone refers back to
/// the most recent person who has it. Descriptions ("the NATO leader") link to the person whose stated role shares
/// their words.
/// </summary>
internal sealed class EntityLinker
{
    private const int DescriptionLookback = 50;
    private readonly List<Entity> _entities = [];
    private readonly Dictionary<string, int> _byLast = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byFirst = new(StringComparer.Ordinal);

    public EntityLinker(Document doc)
    {
        MentionEntity = new int[doc.Mentions.Length];
        for (var i = 0; i < doc.Mentions.Length; i++)
        {
            var m = doc.Mentions[i];
            MentionEntity[i] = m.Kind == MentionKind.Name ? Link(m) : -1;
        }

        for (var i = 0; i < doc.Mentions.Length; i++)
        {
            var m = doc.Mentions[i];
            if (m.Kind == MentionKind.Description)
            {
                MentionEntity[i] = ByDescription(m.Surface);
                if (MentionEntity[i] >= 0)
                {
                    _entities[MentionEntity[i]].AddSurface(m.Surface);
                }
            }
        }
    }

    public IReadOnlyList<Entity> Entities => _entities;

    /// <summary>Entity index of every mention (-1 for none).</summary>
    public int[] MentionEntity { get; }

    /// <summary>
    /// The person a description such as "the NATO leader" or "the senator" refers to, or -1: a capitalised modifier
    /// must appear in the person's stated role; otherwise the head noun must.
    /// </summary>
    public int ByDescription(string description)
    {
        var words = description.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return -1;
        }

        var head = words[^1];
        string? modifier = null;
        for (var w = 1; w < words.Length - 1; w++)
        {
            if (char.IsUpper(words[w][0]))
            {
                modifier = words[w];
            }
        }

        for (var e = _entities.Count - 1; e >= 0 && _entities.Count - e <= DescriptionLookback; e--)
        {
            var entity = _entities[e];
            if (!entity.PersonLike || entity.Role is null)
            {
                continue;
            }

            var match = modifier is not null
                ? entity.Role.Contains(modifier, StringComparison.Ordinal)
                : entity.Role.Contains(head, StringComparison.OrdinalIgnoreCase);
            if (match)
            {
                return e;
            }
        }

        return -1;
    }

    private int Link(Mention m)
    {
        var parts = m.Surface.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = parts[^1];
        var first = parts[0];
        var index = -1;
        if (parts.Length == 1)
        {
            if (_byLast.TryGetValue(last, out var e) || _byFirst.TryGetValue(last, out e))
            {
                index = e;
            }
        }
        else if (_byLast.TryGetValue(last, out var e) && (_entities[e].First == first || !_entities[e].Name.Contains(' ', StringComparison.Ordinal)))
        {
            index = e;
            if (!_entities[e].Name.Contains(' ', StringComparison.Ordinal))
            {
                _entities[e].Name = m.Surface;
                _entities[e].First = first;
                _byFirst[first] = e;
            }
        }

        if (index < 0)
        {
            _entities.Add(new Entity(m.Surface, last, first));
            index = _entities.Count - 1;
            _byLast[last] = index;
            if (parts.Length > 1)
            {
                _byFirst[first] = index;
            }
        }

        var target = _entities[index];
        target.AddSurface(m.Surface);
        target.PersonLike |= m.PersonLike;
        if (m.Role is not null && target.Role is null)
        {
            target.Role = m.Role;
            target.PersonLike = target.PersonLike || !Lexicon.NonPersonHeads.Contains(last);
        }

        return index;
    }
}
