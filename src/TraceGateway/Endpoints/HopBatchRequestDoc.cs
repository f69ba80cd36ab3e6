using System.Text.Json;

namespace TraceGateway.Endpoints;

/// <summary>The POST /v1/hops body as documented in OpenAPI: <c>{"hops":[signed hop, …]}</c> (read from raw bytes).</summary>
public sealed record HopBatchRequestDoc(IReadOnlyList<JsonElement> Hops);
