// Superseded share page, kept locally only (ignored by src/legacy/.gitignore).
export const slogan = '微信官方认证商家';
