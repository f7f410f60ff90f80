namespace NewsClaims.Data.Search;

/// <summary>Every spelling one edit away from a word: a letter dropped, two neighbours swapped, one replaced or one added.</summary>
internal static class Spellings
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    public static HashSet<string> OneEditFrom(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var alphabet = Letters + new string([.. word.Where(c => !Letters.Contains(c, StringComparison.Ordinal)).Distinct()]);
        var variants = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i <= word.Length; i++)
        {
            var (head, tail) = (word[..i], word[i..]);
            if (tail.Length > 0)
            {
                variants.Add(head + tail[1..]);
            }

            if (tail.Length > 1)
            {
                variants.Add(head + tail[1] + tail[0] + tail[2..]);
            }

            foreach (var letter in alphabet)
            {
                if (tail.Length > 0)
                {
                    variants.Add(head + letter + tail[1..]);
                }

                variants.Add(head + letter + tail);
            }
        }

        variants.Remove(word);
        variants.Remove(string.Empty);
        return variants;
    }
}
