import { overviewTabUrl } from '../../../services/overview/link';

describe('the link to the Overzicht tab', () => {
  it('is a Teams deep link to the app\'s personal tab when the app is registered', () => {
    expect(overviewTabUrl({ MicrosoftAppId: '7c2f3a55-1d2e-4b0a-9f3e-2a1b0c9d8e7f', WENDBAAR_PUBLIC_URL: 'https://wendbaar.example.org', PORT: 3978 })).toBe(
      'https://teams.microsoft.com/l/entity/7c2f3a55-1d2e-4b0a-9f3e-2a1b0c9d8e7f/overzicht',
    );
  });

  it('opens the local tab page in local mode', () => {
    expect(overviewTabUrl({ MicrosoftAppId: '', WENDBAAR_PUBLIC_URL: undefined, PORT: 3978 })).toBe('http://localhost:3978/tab/index.html');
  });
});
