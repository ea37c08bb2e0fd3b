using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace MotCua.Web.Features;

/// <summary>Problem-details bodies that name the offending parameter, in the caller's language.</summary>
public static class ApiProblems
{
    public static ProblemDetails Parameter(string name, string vietnamese, string english)
    {
        var message = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? english : vietnamese;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "Invalid parameter" : "Tham số không hợp lệ",
            Detail = $"{name}: {message}",
        };
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [name] = [message] };
        return problem;
    }
}
