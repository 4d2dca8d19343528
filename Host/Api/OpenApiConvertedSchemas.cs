using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using WorkflowEngine.Engine.Expressions;

namespace WorkflowEngine.Server.Api;

/// <summary>
/// Describes the types the API writes with its own converters: case data values as plain JSON (see
/// <see cref="ValueJsonConverter"/>), instants as strings in China time (see <see cref="ChinaTimeJsonConverter"/>).
/// </summary>
public sealed class OpenApiConvertedSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(Value))
        {
            schema.Type = null;
            schema.Properties?.Clear();
            schema.Required?.Clear();
            schema.Description = "任意 JSON 值（字符串、数字、布尔、列表或对象）";
        }
        else if (context.JsonTypeInfo.Type == typeof(DateTimeOffset))
            schema.Type = JsonSchemaType.String;
        else if (context.JsonTypeInfo.Type == typeof(DateTimeOffset?))
            schema.Type = JsonSchemaType.String | JsonSchemaType.Null;
        return Task.CompletedTask;
    }
}
