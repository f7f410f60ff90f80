using System.Text;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace NewsClaims.Data.Configurations;

/// <summary>
/// Enums are stored as snake_case text (<c>mostly_true</c>) with a CHECK listing the allowed values: readable in
/// SQL, and a new value is one migration that widens the check, not a renumbering.
/// </summary>
internal static class EnumText
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Names<TEnum>.ToText[value];

    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum => Names<TEnum>.FromText[text];

    /// <summary><c>column IN ('a', 'b', ...)</c>; NULL passes, as in any CHECK.</summary>
    public static string Check<TEnum>(string column)
        where TEnum : struct, Enum =>
        $"{column} IN ({string.Join(", ", Names<TEnum>.ToText.Values.Select(v => $"'{v}'"))})";

    public static PropertyBuilder<TEnum> HasTextConversion<TEnum>(this PropertyBuilder<TEnum> property)
        where TEnum : struct, Enum =>
        property.HasConversion(Names<TEnum>.Converter).HasMaxLength(Names<TEnum>.MaxLength);

    public static PropertyBuilder<TEnum?> HasTextConversion<TEnum>(this PropertyBuilder<TEnum?> property)
        where TEnum : struct, Enum =>
        property.HasConversion(Names<TEnum>.Converter).HasMaxLength(Names<TEnum>.MaxLength);

    internal static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly Dictionary<TEnum, string> ToText =
            Enum.GetValues<TEnum>().ToDictionary(v => v, v => SnakeCase(v.ToString()));

        public static readonly Dictionary<string, TEnum> FromText =
            ToText.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

        public static readonly int MaxLength = Math.Max(16, ToText.Values.Max(v => v.Length));

        public static readonly ValueConverter<TEnum, string> Converter = new(v => Of(v), s => Parse<TEnum>(s));
    }
}
