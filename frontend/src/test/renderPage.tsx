import Flashbar from '@cloudscape-design/components/flashbar';
import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { ApiClient } from '../api/client';
import { createDrsApi } from '../api/drsApi';
import { permissionsFor, RoleGroups } from '../auth/permissions';
import { useFlash } from '../app/flash';
import { FlashProvider } from '../app/FlashProvider';
import { ServicesContext, type AppServices } from '../app/services';
import { FakeBackend } from './FakeBackend';

function Flashes() {
  const flash = useFlash();
  return <Flashbar items={flash.items} />;
}

export interface RenderPageOptions {
  /** The URL the page is shown at. */
  url?: string;
  /** The route pattern the page is mounted under (for useParams). */
  path?: string;
  groups?: string[];
  backend?: FakeBackend;
}

/** Mounts one page with the real API client over a FakeBackend, the flash bar and a signed-in user. */
export function renderPage(page: ReactElement, options: RenderPageOptions = {}) {
  const backend = options.backend ?? new FakeBackend();
  const groups = options.groups ?? [RoleGroups.admin];
  const client = new ApiClient({ baseUrl: '/api', getToken: () => Promise.resolve('test-token'), fetchFn: backend.fetch });
  const services: AppServices = {
    api: createDrsApi(client),
    user: { email: 'tester@example.test', groups },
    permissions: permissionsFor(groups),
    signOut: () => undefined,
  };
  const url = options.url ?? '/';
  const result = render(
    <MemoryRouter initialEntries={[url]}>
      <ServicesContext.Provider value={services}>
        <FlashProvider>
          <Flashes />
          <Routes>
            <Route path={options.path ?? url} element={page} />
            <Route path="*" element={<div data-testid="navigated-away" />} />
          </Routes>
        </FlashProvider>
      </ServicesContext.Provider>
    </MemoryRouter>,
  );
  return { ...result, backend, wrapper: createWrapper(result.container) };
}
