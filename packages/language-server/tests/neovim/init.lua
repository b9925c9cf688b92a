-- Neovim as a third-party LSP client (Debian's 0.7: vim.lsp.start_client, push diagnostics only).
-- Opens WECHAT_OA_FILE, waits for the server's diagnostics, applies "Disable <rule> for this line", waits for the
-- diagnostics to clear, writes the file, and records what happened as JSON in WECHAT_OA_OUT.
local out = os.getenv('WECHAT_OA_OUT')
local report = { steps = {} }

local function finish(code)
  local handle = io.open(out, 'w')
  handle:write(vim.fn.json_encode(report))
  handle:close()
  vim.cmd(code == 0 and 'qall!' or 'cquit! ' .. code)
end

local function step(name) table.insert(report.steps, name) end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('WECHAT_OA_FILE')))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'wechat-oa',
    cmd = { os.getenv('WECHAT_OA_NODE'), os.getenv('WECHAT_OA_SERVER'), '--stdio' },
    root_dir = os.getenv('WECHAT_OA_ROOT'),
  })
  vim.lsp.buf_attach_client(bufnr, client_id)
  step('started')

  if not vim.wait(60000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50) then
    report.error = 'no diagnostics'
    return
  end
  local diagnostics = vim.diagnostic.get(bufnr)
  report.diagnostics = {}
  for _, d in ipairs(diagnostics) do
    table.insert(report.diagnostics, { lnum = d.lnum, col = d.col, source = d.source, code = d.code, message = d.message })
  end
  step('diagnostics')

  local first = diagnostics[1]
  local client = vim.lsp.get_client_by_id(client_id)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = first.lnum, character = first.col }, ['end'] = { line = first.end_lnum, character = first.end_col } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, first.lnum) },
  }
  local response = client.request_sync('textDocument/codeAction', params, 20000, bufnr)
  report.titles = {}
  local chosen
  for _, action in ipairs(response and response.result or {}) do
    table.insert(report.titles, action.title)
    if action.title:match('for this line$') then chosen = action end
  end
  if not chosen then
    report.error = 'no "Disable for this line" action'
    return
  end
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  step('applied')

  if not vim.wait(60000, function() return #vim.diagnostic.get(bufnr) == 0 end, 50) then
    report.error = 'diagnostics did not clear after the edit'
    return
  end
  step('cleared')
  vim.cmd('write')
  step('written')
end)

if not ok then report.error = tostring(err) end
finish(report.error and 1 or 0)
