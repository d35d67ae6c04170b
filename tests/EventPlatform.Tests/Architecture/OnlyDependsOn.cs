using Mono.Cecil;
using Mono.Cecil.Cil;
using NetArchTest.Rules;

namespace EventPlatform.Tests.Architecture;

/// <summary>
/// A type uses no type outside the given namespaces (prefixes), looking into signatures and method bodies alike.
/// Types the compiler emits in the global namespace (collection expressions, static data) count as the type's own.
/// </summary>
internal sealed class OnlyDependsOn(params string[] namespaces) : ICustomRule
{
    public bool MeetsRule(TypeDefinition type) => Outside(type).Count == 0;

    public IReadOnlyList<string> Outside(TypeDefinition type) =>
        References(type).Select(TopLevel).Where(t => !Allowed(t)).Select(t => t.FullName).Distinct().ToList();

    private bool Allowed(TypeReference type) =>
        (type.Namespace.Length == 0 && type.Name.StartsWith('<'))
        || namespaces.Any(ns => type.Namespace == ns || type.Namespace.StartsWith(ns + ".", StringComparison.Ordinal));

    private static TypeReference TopLevel(TypeReference type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type;
    }

    private static IEnumerable<TypeReference> References(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        Add(found, type.BaseType);
        type.Interfaces.ToList().ForEach(i => Add(found, i.InterfaceType));
        type.CustomAttributes.ToList().ForEach(a => Add(found, a.AttributeType));
        type.Fields.ToList().ForEach(f => Add(found, f.FieldType));
        foreach (var method in type.Methods)
        {
            Add(found, method.ReturnType);
            method.Parameters.ToList().ForEach(p => Add(found, p.ParameterType));
            if (!method.HasBody)
            {
                continue;
            }

            method.Body.Variables.ToList().ForEach(v => Add(found, v.VariableType));
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        Add(found, t);
                        break;
                    case MethodReference m:
                        Add(found, m.DeclaringType);
                        Add(found, m.ReturnType);
                        m.Parameters.ToList().ForEach(p => Add(found, p.ParameterType));
                        if (m is GenericInstanceMethod generic)
                        {
                            generic.GenericArguments.ToList().ForEach(a => Add(found, a));
                        }

                        break;
                    case FieldReference f:
                        Add(found, f.DeclaringType);
                        Add(found, f.FieldType);
                        break;
                }
            }
        }

        return type.NestedTypes.SelectMany(References).Concat(found);
    }

    private static void Add(List<TypeReference> found, TypeReference? type)
    {
        switch (type)
        {
            case null or GenericParameter:
                return;
            case GenericInstanceType generic:
                Add(found, generic.ElementType);
                generic.GenericArguments.ToList().ForEach(a => Add(found, a));
                return;
            case TypeSpecification specification:
                Add(found, specification.ElementType);
                return;
            default:
                found.Add(type);
                return;
        }
    }
}
