interface ConsoleRequest {
  endpoint: string;
  body?: Record<string, string>;
}

// A thin proxy around fetch for the tools of this repository.
export async function consoleRequest(options: ConsoleRequest): Promise<unknown> {
  const response = await fetch(options.endpoint, { method: 'POST', body: JSON.stringify(options.body ?? {}) });
  return response.json();
}
