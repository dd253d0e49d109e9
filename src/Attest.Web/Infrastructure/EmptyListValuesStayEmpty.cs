using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Attest.Web.Infrastructure;

/// <summary>
/// An empty value in a posted list of strings (a checkbox or a column sent blank) binds as "", as the list's type says, not
/// as null: by default MVC turns it into null, and code reading a <c>List&lt;string&gt;</c> (splitting "unit|criterion"
/// targets, unit codes) then fails with 500. Only a list's elements are affected: they take the metadata of the type itself,
/// while string properties and parameters keep turning "" into null.
/// </summary>
public sealed class EmptyListValuesStayEmpty : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Key.MetadataKind == ModelMetadataKind.Type && context.Key.ModelType == typeof(string))
        {
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
        }
    }
}
