using Livechat.Core.Common;
using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Livechat.Core.Sessions;

/// <summary>Checks user params: name up to 100 characters, a plausible e-mail address, a phone number.</summary>
public static partial class UserParamsValidator
{
    public static Problem? Validate(UserParamsRequest request)
    {
        if (request.Name is null && request.Email is null && request.Phone is null)
            return Problem.Invalid("name", "Give at least one of name, email, phone.");
        if (request.Name is { } name && (name.Trim().Length is 0 or > 100 || name.Any(char.IsControl)))
            return Problem.Invalid("name", "1 to 100 characters, no control characters.");
        if (request.Email is { } email && !IsEmail(email))
            return Problem.Invalid("email", "Not a valid e-mail address.");
        if (request.Phone is { } phone && !PhonePattern().IsMatch(phone))
            return Problem.Invalid("phone", "Not a valid phone number: digits, spaces, '-', '(', ')', an optional leading '+'; 5 to 20 characters.");
        return null;
    }

    public static bool IsEmail(string email) =>
        email.Length <= 254 && EmailPattern().IsMatch(email) && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email;

    public static bool IsPhone(string phone) => PhonePattern().IsMatch(phone);

    public static UserParams Apply(UserParams current, UserParamsRequest request) =>
        new(request.Name?.Trim() ?? current.Name, request.Email ?? current.Email, request.Phone ?? current.Phone);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{3,18}[0-9]$")]
    private static partial Regex PhonePattern();
}
