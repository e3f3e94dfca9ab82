import AppLayout from '@cloudscape-design/components/app-layout';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import Flashbar from '@cloudscape-design/components/flashbar';
import SideNavigation from '@cloudscape-design/components/side-navigation';
import TopNavigation from '@cloudscape-design/components/top-navigation';
import { useCallback, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { breadcrumbsFor } from './breadcrumbs';
import { CrumbNamesContext } from './crumbNames';
import { useFlash } from './flash';
import { AppRoutes } from './AppRoutes';
import { useServices } from './services';

const navItems = [
  { type: 'link' as const, text: 'Dashboard', href: '/' },
  { type: 'link' as const, text: 'Protection groups', href: '/protection-groups' },
  { type: 'link' as const, text: 'Recovery plans', href: '/recovery-plans' },
  { type: 'link' as const, text: 'Executions', href: '/executions' },
  { type: 'divider' as const },
  { type: 'link' as const, text: 'Source servers', href: '/source-servers' },
  { type: 'link' as const, text: 'Target accounts', href: '/accounts' },
  { type: 'link' as const, text: 'Settings', href: '/settings' },
];

function activeHref(pathname: string): string {
  const first = pathname.split('/').filter(Boolean)[0];
  return first ? `/${first}` : '/';
}

export function AppShell() {
  const { user, signOut } = useServices();
  const flash = useFlash();
  const location = useLocation();
  const navigate = useNavigate();
  const [names, setNames] = useState<ReadonlyMap<string, string>>(() => new Map());
  const setName = useCallback((id: string, name: string | null) => {
    setNames((current) => {
      if ((current.get(id) ?? null) === name) return current;
      const next = new Map(current);
      if (name === null) next.delete(id);
      else next.set(id, name);
      return next;
    });
  }, []);
  const crumbNames = useMemo(() => ({ names, setName }), [names, setName]);

  return (
    <CrumbNamesContext.Provider value={crumbNames}>
      <div id="top-nav">
        <TopNavigation
          identity={{ href: '/', title: 'DRS Orchestrator', onFollow: (e) => { e.preventDefault(); navigate('/'); } }}
          utilities={[
            {
              type: 'menu-dropdown',
              text: user.email,
              description: user.groups.join(', ') || 'no role group',
              iconName: 'user-profile',
              ariaLabel: `Signed in as ${user.email}`,
              items: [{ id: 'sign-out', text: 'Sign out' }],
              onItemClick: (e) => {
                if (e.detail.id === 'sign-out') signOut();
              },
            },
          ]}
        />
      </div>
      <AppLayout
        headerSelector="#top-nav"
        toolsHide
        navigation={
          <SideNavigation
            header={{ text: 'DRS Orchestrator', href: '/' }}
            activeHref={activeHref(location.pathname)}
            items={navItems}
            onFollow={(e) => {
              if (e.detail.external) return;
              e.preventDefault();
              navigate(e.detail.href);
            }}
          />
        }
        breadcrumbs={
          <BreadcrumbGroup
            ariaLabel="Breadcrumbs"
            items={breadcrumbsFor(location.pathname, names)}
            onFollow={(e) => {
              e.preventDefault();
              navigate(e.detail.href);
            }}
          />
        }
        notifications={<Flashbar items={flash.items} stackItems={flash.items.length > 3} />}
        content={<AppRoutes />}
      />
    </CrumbNamesContext.Provider>
  );
}
