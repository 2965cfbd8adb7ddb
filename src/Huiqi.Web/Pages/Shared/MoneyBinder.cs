using Huiqi.Engine.Model;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Huiqi.Web.Pages.Shared;

/// <summary>
/// Reads an amount entered in a <see cref="MoneyInputTagHelper"/> field — its text and the unit beside it — into yuan
/// with <see cref="Written.TryParseMoney"/>. Text that is not an amount is a model error saying so in Chinese
/// (<see cref="Written.MoneyError"/>), which the page shows (<see cref="Error"/>) instead of taking the step.
/// </summary>
public sealed class MoneyBinder : IModelBinder
{
    /// <summary>The select holding a field's unit: <c>amountUnit</c> beside <c>amount</c>.</summary>
    public static string UnitField(string name) => name + "Unit";

    /// <summary>The Chinese error of an amount that could not be read, if any was posted.</summary>
    public static string? Error(ModelStateDictionary state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Values.SelectMany(v => v.Errors).Any(e => e.ErrorMessage == Written.MoneyError) ? Written.MoneyError : null;
    }

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var name = bindingContext.ModelName;
        var text = bindingContext.ValueProvider.GetValue(name).FirstValue;
        var unit = bindingContext.ValueProvider.GetValue(UnitField(name)).FirstValue;
        bindingContext.ModelState.SetModelValue(name, text, text);
        if (string.IsNullOrWhiteSpace(text))
        {
            // An optional amount left empty (核定金额 unchanged, 单户上限 none); a required one is the form's to demand.
            return Task.CompletedTask;
        }

        if (Written.TryParseMoney(text, unit, out var yuan))
        {
            bindingContext.Result = ModelBindingResult.Success(yuan);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(name, Written.MoneyError);
        }

        return Task.CompletedTask;
    }
}
