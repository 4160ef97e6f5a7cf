import { PAGE_PATH } from './web-bundle';

describe('PAGE_PATH', () => {
  it.each(['/', '/labs/news-cache-lock', '/playground', '/labs/', '/apis', '/x/y.z/w'])('loads the page for %s', (path) => {
    expect(PAGE_PATH.test(path)).toBe(true);
  });

  it.each(['/api', '/api/', '/api/v1/x', '/api/v1/labs/news-cache-lock', '/app.js', '/app.js.map', '/labs/x/favicon.svg'])(
    'leaves %s to the files or the API',
    (path) => {
      expect(PAGE_PATH.test(path)).toBe(false);
    },
  );
});
