using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Reviews;

/// <summary>Shown after a review is signed through a link; it reads nothing, so it shows nothing of anyone's.</summary>
public sealed class SignedModel : PageModel
{
    public void OnGet()
    {
    }
}
