using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrsOrchestrator.WorkflowRunner.Asl;

/// <summary>One Choice rule (or a nested condition of And/Or/Not), parsed and checked at load time.</summary>
internal sealed class ChoiceRule
{
    private static readonly HashSet<string> Comparisons =
    [
        "StringEquals", "StringLessThan", "StringGreaterThan", "StringLessThanEquals", "StringGreaterThanEquals",
        "NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals", "NumericGreaterThanEquals",
        "BooleanEquals", "IsPresent", "IsNull", "IsString", "IsNumeric", "IsBoolean",
    ];

    private ChoiceRule(string op, JsonPathExpression? variable, JsonNode? operand, IReadOnlyList<ChoiceRule> children, string? next)
    {
        Operator = op;
        Variable = variable;
        Operand = operand;
        Children = children;
        Next = next;
    }

    public string Operator { get; }

    public JsonPathExpression? Variable { get; }

    public JsonNode? Operand { get; }

    public IReadOnlyList<ChoiceRule> Children { get; }

    /// <summary>Set on top-level rules only.</summary>
    public string? Next { get; }

    public static ChoiceRule? Parse(JsonNode? node, string where, bool topLevel, ICollection<string> errors)
    {
        if (node is not JsonObject obj)
        {
            errors.Add($"{where}: a choice rule must be an object.");
            return null;
        }

        string? next = null;
        if (topLevel)
        {
            next = obj["Next"] is JsonValue n && n.TryGetValue<string>(out var s) ? s : null;
            if (next is null)
            {
                errors.Add($"{where}: a top-level choice rule needs a string 'Next'.");
            }
        }
        else if (obj.ContainsKey("Next"))
        {
            errors.Add($"{where}: a nested choice rule must not have 'Next'.");
        }

        var keys = obj.Select(p => p.Key).Where(k => k is not ("Next" or "Comment")).ToList();
        if (keys.Contains("And") || keys.Contains("Or") || keys.Contains("Not"))
        {
            if (keys.Count != 1)
            {
                errors.Add($"{where}: a boolean rule holds exactly one of And/Or/Not and nothing else, found [{string.Join(", ", keys)}].");
                return null;
            }

            var op = keys[0];
            var children = new List<ChoiceRule>();
            if (op == "Not")
            {
                if (Parse(obj["Not"], $"{where}.Not", topLevel: false, errors) is { } child)
                {
                    children.Add(child);
                }
            }
            else if (obj[op] is JsonArray list && list.Count > 0)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (Parse(list[i], $"{where}.{op}[{i}]", topLevel: false, errors) is { } child)
                    {
                        children.Add(child);
                    }
                }
            }
            else
            {
                errors.Add($"{where}.{op}: must be a non-empty array.");
            }

            return new ChoiceRule(op, null, null, children, next);
        }

        if (!obj.ContainsKey("Variable"))
        {
            errors.Add($"{where}: a comparison needs 'Variable'.");
            return null;
        }

        JsonPathExpression? variable = null;
        var variableText = obj["Variable"] is JsonValue vv && vv.TryGetValue<string>(out var vs) ? vs : string.Empty;
        if (!JsonPathExpression.TryParse(variableText, allowContext: false, out var parsed, out var pathError))
        {
            errors.Add($"{where}.Variable: {pathError}");
        }
        else
        {
            variable = parsed;
        }

        var operators = keys.Where(k => k != "Variable").ToList();
        if (operators.Count != 1)
        {
            errors.Add($"{where}: a comparison holds exactly one operator, found [{string.Join(", ", operators)}].");
            return null;
        }

        var comparison = operators[0];
        if (!Comparisons.Contains(comparison))
        {
            errors.Add($"{where}: the comparison '{comparison}' is not supported by the local runner.");
            return null;
        }

        var operand = obj[comparison];
        var operandOk = comparison switch
        {
            _ when comparison.StartsWith("String", StringComparison.Ordinal) => operand is JsonValue sv && sv.GetValueKind() == JsonValueKind.String,
            _ when comparison.StartsWith("Numeric", StringComparison.Ordinal) => operand is JsonValue nv && nv.GetValueKind() == JsonValueKind.Number,
            _ => operand is JsonValue bv && bv.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        };
        if (!operandOk)
        {
            errors.Add($"{where}.{comparison}: the operand has the wrong type.");
        }

        return new ChoiceRule(comparison, variable, operand?.DeepClone(), [], next);
    }

    public bool Evaluate(JsonNode? input)
    {
        switch (Operator)
        {
            case "And":
                return Children.All(c => c.Evaluate(input));
            case "Or":
                return Children.Any(c => c.Evaluate(input));
            case "Not":
                return !Children[0].Evaluate(input);
        }

        var present = Variable!.TryEvaluate(input, out var value);
        if (Operator == "IsPresent")
        {
            return present == Operand!.GetValue<bool>();
        }

        if (!present)
        {
            throw StatesErrorException.Runtime($"Invalid path '{Variable.Text}': the choice state's condition path references an invalid value.");
        }

        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        var expected = Operand!;
        return Operator switch
        {
            "IsNull" => (kind == JsonValueKind.Null) == expected.GetValue<bool>(),
            "IsString" => (kind == JsonValueKind.String) == expected.GetValue<bool>(),
            "IsNumeric" => (kind == JsonValueKind.Number) == expected.GetValue<bool>(),
            "IsBoolean" => (kind is JsonValueKind.True or JsonValueKind.False) == expected.GetValue<bool>(),
            "BooleanEquals" => kind is JsonValueKind.True or JsonValueKind.False && value!.GetValue<bool>() == expected.GetValue<bool>(),
            _ when Operator.StartsWith("String", StringComparison.Ordinal) =>
                kind == JsonValueKind.String && CompareResult(string.CompareOrdinal(value!.GetValue<string>(), expected.GetValue<string>())),
            _ => kind == JsonValueKind.Number && CompareResult(value!.GetValue<decimal>().CompareTo(expected.GetValue<decimal>())),
        };
    }

    private bool CompareResult(int comparison) => Operator switch
    {
        _ when Operator.EndsWith("LessThanEquals", StringComparison.Ordinal) => comparison <= 0,
        _ when Operator.EndsWith("GreaterThanEquals", StringComparison.Ordinal) => comparison >= 0,
        _ when Operator.EndsWith("LessThan", StringComparison.Ordinal) => comparison < 0,
        _ when Operator.EndsWith("GreaterThan", StringComparison.Ordinal) => comparison > 0,
        _ => comparison == 0,
    };

    public override string ToString() => $"{Operator} {Variable} -> {Next}";
}
