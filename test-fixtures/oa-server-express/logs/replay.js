// A local debugging script kept out of git (.gitignore: logs/). Stand-in content with a would-be finding.
export const appSecret = '5e9d2c7a1b8f4e6d3c0a9b8e7f6d5c4b';
