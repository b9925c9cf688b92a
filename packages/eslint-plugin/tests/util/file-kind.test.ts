import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { classifyFile, type FileKind } from '../../src/analysis/file-kind.js';

const cwd = '/project';

/** Sets `parent` on every node, as ESLint does before rules run (the parser alone does not). */
function setParents(node: object, visitorKeys: Record<string, readonly string[] | undefined>, parent?: object): void {
  Object.assign(node, { parent });
  for (const key of visitorKeys[(node as { type: string }).type] ?? []) {
    const child = (node as Record<string, unknown>)[key];
    for (const item of Array.isArray(child) ? child : [child]) {
      if (item && typeof item === 'object' && 'type' in item) setParents(item, visitorKeys, node);
    }
  }
}

/** Parses the code the way the presets do and classifies it (SPEC §3.1, browser code and server code). */
function kindOf(code: string, filename = 'src/file.js', globs: { browserFiles?: readonly string[]; serverFiles?: readonly string[] } = {}): FileKind {
  const { ast, scopeManager, visitorKeys } = parseForESLint(code, {
    ecmaFeatures: { jsx: true },
    sourceType: 'module',
    range: true,
    loc: true,
  });
  setParents(ast, visitorKeys);
  return classifyFile({
    filename: `${cwd}/${filename}`,
    cwd,
    program: ast,
    scopeManager: scopeManager as unknown as TSESLint.Scope.ScopeManager,
    settings: { browserFiles: globs.browserFiles ?? [], serverFiles: globs.serverFiles ?? [] },
  });
}

describe('classifyFile', () => {
  describe('by file name', () => {
    it.each([
      ['src/App.vue', 'browser'],
      ['public/index.html', 'browser'],
      ['public/legacy.htm', 'browser'],
      // A block of a processed file.
      ['public/index.html/0_inline.js', 'browser'],
      ['src/App.vue/1_script.ts', 'browser'],
      ['src/util.js', 'unknown'],
    ] as const)('%s → %s', (filename, expected) => {
      expect(kindOf('export const x = 1;', filename)).toBe(expected);
    });
  });

  describe('by browserFiles / serverFiles globs (they win over imports)', () => {
    it.each([
      ['web/page.js', { browserFiles: ['web/**'] }, "import fs from 'fs';", 'browser'],
      ['api/handler.js', { serverFiles: ['api/**/*.js'] }, "import React from 'react';", 'server'],
      ['api/handler.js', { serverFiles: ['other/**'] }, 'export const x = 1;', 'unknown'],
      ['web/page.js', { browserFiles: ['web/**'], serverFiles: ['web/**'] }, 'export const x = 1;', 'browser'],
    ] as const)('%s with %j → %s', (filename, globs, code, expected) => {
      expect(kindOf(code, filename, globs)).toBe(expected);
    });
  });

  describe('by imports', () => {
    it.each([
      ["import React from 'react';", 'browser'],
      ["import { createRoot } from 'react-dom/client';", 'browser'],
      ["import { createApp } from 'vue';", 'browser'],
      ["import { ref } from '@vue/reactivity';", 'browser'],
      ["import wx from 'weixin-js-sdk';", 'browser'],
      ["const wx = require('jweixin-module');", 'browser'],
      ["import express from 'express';", 'server'],
      ["const Koa = require('koa');", 'server'],
      ["import Router from '@koa/router';", 'server'],
      ["import { Controller } from '@nestjs/common';", 'server'],
      ["import { NextResponse } from 'next/server';", 'server'],
      ["import { Application } from 'egg';", 'server'],
      ["import fastify from 'fastify';", 'server'],
      ["import fs from 'fs';", 'server'],
      ["import { createHash } from 'node:crypto';", 'server'],
      ["const http = require('http');", 'server'],
      ["export * from 'node:path';", 'server'],
      ["export { default } from 'react';", 'browser'],
      // Both sides (a shared module, server-side rendering): unknown.
      ["import React from 'react';\nimport fs from 'fs';", 'unknown'],
      // Other packages say nothing.
      ["import axios from 'axios';", 'unknown'],
      ["import lodash from 'lodash';", 'unknown'],
    ] as const)('%s → %s', (code, expected) => {
      expect(kindOf(code)).toBe(expected);
    });
  });

  describe('by browser-only globals', () => {
    it.each([
      ['window.scrollTo(0, 0);', 'browser'],
      ["document.title = 'x';", 'browser'],
      ["location = '/home';", 'browser'],
      ['navigator.userAgent;', 'browser'],
      ["localStorage.getItem('k');", 'browser'],
      ["sessionStorage.setItem('k', 'v');", 'browser'],
      ["wx.ready(() => {});", 'browser'],
      // A local binding of the same name is no global.
      ["const window = {};\nwindow.x = 1;", 'unknown'],
      ['function f(document) { return document.title; }', 'unknown'],
      // Imports win over globals.
      ["import express from 'express';\nconst t = document;", 'server'],
      ['console.log(1);', 'unknown'],
    ] as const)('%s → %s', (code, expected) => {
      expect(kindOf(code)).toBe(expected);
    });
  });

  describe('CommonJS modules without browser evidence are server code', () => {
    it.each([
      ["module.exports = { appsecret: 'x' };", 'server'],
      ['exports.port = 8080;', 'server'],
      ["const config = require('./config');\nconfig.start();", 'server'],
      ["const axios = require('axios');\nmodule.exports = axios.create();", 'server'],
      // Browser evidence wins: a browser global, a front-end import.
      ['module.exports = function () { return window.innerWidth; };', 'browser'],
      ["const wx = require('jweixin-module');\nmodule.exports = wx;", 'browser'],
      // process.env alone says nothing: bundlers inline it into browser code.
      ['export const secret = process.env.APP_SECRET;', 'unknown'],
      // A local binding named like a CommonJS one is no module.
      ['const module = { exports: {} };\nmodule.exports.x = 1;', 'unknown'],
      ['export default { appsecret: 1 };', 'unknown'],
    ] as const)('%s → %s', (code, expected) => {
      expect(kindOf(code)).toBe(expected);
    });
  });
});
