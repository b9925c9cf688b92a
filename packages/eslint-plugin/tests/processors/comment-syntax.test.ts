import { describe, expect, it } from 'vitest';
import { disableCommentSyntaxAt, disableNextLineComment, disableNextLineEdits } from '../../src/processors/comment-syntax.js';

function apply(text: string, edits: { range: [number, number]; text: string }[]): string {
  return [...edits]
    .sort((a, b) => b.range[0] - a.range[0])
    .reduce((result, edit) => result.slice(0, edit.range[0]) + edit.text + result.slice(edit.range[1]), text);
}

const vue = ['<template>', '  <p>腾讯官方合作</p>', '</template>', '<script setup>', '  const a = 1;', '</script>', ''].join('\n');
const html = ['<body>', '  <p>x</p>', '  <script>', '    go();', '  </script>', '</body>', ''].join('\r\n');

describe('disableCommentSyntaxAt', () => {
  it('tells template and page lines from script lines', () => {
    expect(disableCommentSyntaxAt('App.vue', vue, vue.indexOf('<p>'))).toBe('html');
    expect(disableCommentSyntaxAt('App.vue', vue, vue.indexOf('const'))).toBe('script');
    expect(disableCommentSyntaxAt('index.html', html, html.indexOf('<p>'))).toBe('html');
    expect(disableCommentSyntaxAt('index.html', html, html.indexOf('go()'))).toBe('script');
    expect(disableCommentSyntaxAt('app.js', 'go();', 0)).toBe('script');
  });

  it('formats the comment of each syntax', () => {
    expect(disableNextLineComment('html', 'wechat-oa/x')).toBe('<!-- eslint-disable-next-line wechat-oa/x -->');
    expect(disableNextLineComment('script', 'wechat-oa/x')).toBe('// eslint-disable-next-line wechat-oa/x');
    expect(disableNextLineComment('jsx', 'wechat-oa/x')).toBe('{/* eslint-disable-next-line wechat-oa/x */}');
  });
});

describe('disableNextLineEdits', () => {
  it('inserts the comment above the line with its indentation and the file line ending', () => {
    expect(apply(vue, disableNextLineEdits('App.vue', vue, vue.indexOf('腾讯'), 'wechat-oa/no-affiliation-claim'))).toBe(
      vue.replace('  <p>', '  <!-- eslint-disable-next-line wechat-oa/no-affiliation-claim -->\n  <p>'),
    );
    expect(apply(html, disableNextLineEdits('index.html', html, html.indexOf('go()'), 'wechat-oa/r'))).toBe(
      html.replace('    go();', '    // eslint-disable-next-line wechat-oa/r\r\n    go();'),
    );
  });

  it('wraps a multi-line start tag of a Vue template too', () => {
    const component = ['<template>', '  <img', '    :title="\'官方合作\'"', '    alt="腾讯官方合作" />', '</template>', ''].join('\n');
    expect(apply(component, disableNextLineEdits('App.vue', component, component.indexOf('alt='), 'wechat-oa/r'))).toBe(
      ['<template>', '  <!-- eslint-disable wechat-oa/r -->', '  <img', '    :title="\'官方合作\'"', '    alt="腾讯官方合作" /><!-- eslint-enable wechat-oa/r -->', '</template>', ''].join('\n'),
    );
  });

  it('wraps a multi-line start tag, which cannot hold a comment inside', () => {
    const page = ['<div>', '  <img', '    alt="腾讯官方合作">', '</div>'].join('\n');
    expect(apply(page, disableNextLineEdits('a.html', page, page.indexOf('alt'), 'wechat-oa/r'))).toBe(
      ['<div>', '  <!-- eslint-disable wechat-oa/r -->', '  <img', '    alt="腾讯官方合作"><!-- eslint-enable wechat-oa/r -->', '</div>'].join('\n'),
    );
  });
});
