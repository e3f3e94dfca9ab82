using DrsOrchestrator.Domain.Ports.Persistence;

namespace DrsOrchestrator.Application.Common;

/// <summary>Walks a paged repository list to the end, for the few use cases that need every item (usage checks, export).</summary>
public static class Pages
{
    private const int PageSize = 100;

    public static async Task<IReadOnlyList<T>> AllAsync<T>(Func<PageRequest, CancellationToken, Task<Page<T>>> list, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        var items = new List<T>();
        string? token = null;
        do
        {
            var page = await list(new PageRequest(PageSize, token), cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items);
            token = page.NextToken;
        }
        while (token is not null);

        return items;
    }
}
