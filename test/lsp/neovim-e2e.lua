-- Run by test/lsp/neovim.test.ts in headless Neovim (nvim --headless --clean -c 'luafile ...'):
-- starts the language server as a user's config would (vim.lsp.start on Neovim 0.8+; Debian 12
-- ships 0.7, which has vim.lsp.start_client and buf_attach_client), opens a chart's service
-- template and values.yaml, edits nodePort to 29999 (unsaved), waits for the diagnostics
-- Neovim received, fixes the value, waits again, and writes what it saw as JSON to $OUT.
local project = assert(os.getenv('PROJECT'))
local out = assert(os.getenv('OUT'))
local cmd = { assert(os.getenv('NODE')), assert(os.getenv('BIN')), 'lsp', '--stdio' }
local chart = project .. '/todo-chart'

local config = { name = 'k8s-todo-lint', cmd = cmd, root_dir = project }
local client
local function open(file)
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  if vim.lsp.start then
    vim.lsp.start(config, { bufnr = buf })
  else
    client = client or vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(buf, client)
  end
  return buf
end
local hrtime = (vim.uv or vim.loop).hrtime

local function seen(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, code = d.code, source = d.source, message = d.message })
  end
  return list
end

local function set_node_port(buf, port)
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i, line in ipairs(lines) do
    if line:match('^%s*nodePort:') then
      vim.api.nvim_buf_set_lines(buf, i - 1, i, false, { (line:gsub('%d+', port)) })
    end
  end
end

local template = open(chart .. '/templates/service.yaml')
local values = open(chart .. '/values.yaml')
local v = vim.fn.api_info().version
local result = { version = v.major .. '.' .. v.minor .. '.' .. v.patch }

local started = hrtime()
set_node_port(values, '29999')
result.broken_in_time = vim.wait(30000, function()
  return #vim.diagnostic.get(values) > 0 and #vim.diagnostic.get(template) > 0
end, 20)
result.broken_ms = (hrtime() - started) / 1e6
result.broken = { values = seen(values), template = seen(template) }

started = hrtime()
set_node_port(values, '30080')
result.fixed_in_time = vim.wait(30000, function()
  return #vim.diagnostic.get(values) == 0 and #vim.diagnostic.get(template) == 0
end, 20)
result.fixed_ms = (hrtime() - started) / 1e6
result.fixed = { values = seen(values), template = seen(template) }

local f = assert(io.open(out, 'w'))
f:write(vim.json.encode(result))
f:close()
vim.cmd('qall!')
