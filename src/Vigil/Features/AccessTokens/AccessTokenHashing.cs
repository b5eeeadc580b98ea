using System.Security.Cryptography;
using System.Text;

namespace Vigil.Features.AccessTokens;

internal static class AccessTokenHashing
{
    public const string TokenPrefix = "vgl_";

    public static string NewToken() => TokenPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
