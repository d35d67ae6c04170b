using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EventPlatform.ServiceDefaults.Identity;

/// <summary>
/// Signed development tokens (HS256 JWT) until the BFF authenticates people: whoever holds the signing key can mint
/// them, so the key comes from configuration (the AppHost makes one per data folder) and never from the repository.
/// </summary>
public static class DevelopmentTokens
{
    public const string Issuer = "eventplatform-development";
    public const string Audience = "eventplatform";

    public static string Create(string signingKey, string subject, IEnumerable<CallerRole> roles, TimeSpan? lifetime = null)
    {
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, subject) };
        claims.AddRange(roles.Select(r => new Claim("role", r.ToString().ToLowerInvariant())));
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.Add(lifetime ?? TimeSpan.FromHours(12)),
            SigningCredentials = new SigningCredentials(SecurityKey(signingKey), SecurityAlgorithms.HmacSha256),
        });
    }

    public static SymmetricSecurityKey SecurityKey(string signingKey) => new(Encoding.UTF8.GetBytes(signingKey));
}
