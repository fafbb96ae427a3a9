import { createRouter, createWebHistory, type Router, type RouterHistory } from 'vue-router';
import { appConfig } from '../config';
import { homeRouteFor } from '../features/auth/home';
import { HOME_PATH } from '../features/auth/redirect';
import { useAuthStore } from '../features/auth/useAuthStore';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without logging in. */
    public?: boolean;
  }
}

export function createAppRouter(
  history: RouterHistory = createWebHistory(appConfig.routerBase),
): Router {
  const router = createRouter({
    history,
    routes: [
      {
        path: '/login',
        name: 'login',
        component: () => import('../features/auth/LoginPage.vue'),
        meta: { public: true },
      },
      {
        path: '/',
        component: () => import('../layouts/AppLayout.vue'),
        children: [
          { path: '', name: 'home', redirect: () => homeRouteFor(useAuthStore().user) },
          {
            path: 'rankings',
            name: 'rankings',
            component: () => import('../features/rankings/RankingsPage.vue'),
          },
          {
            path: 'overview',
            name: 'overview',
            component: () => import('../features/overview/OverviewPage.vue'),
          },
          {
            path: 'agencies/:code',
            name: 'scorecard',
            component: () => import('../features/scorecard/ScorecardPage.vue'),
          },
          {
            path: 'stars',
            name: 'stars',
            component: () => import('../features/stars/StarPage.vue'),
          },
          {
            path: 'stars/wall',
            name: 'star-wall',
            component: () => import('../features/stars/StarWallPage.vue'),
          },
          {
            path: 'my-ranking',
            name: 'my-ranking',
            component: () => import('../features/scorecard/ScorecardPage.vue'),
          },
          {
            path: 'entry',
            name: 'entry',
            component: () => import('../features/entry/EntryPage.vue'),
          },
          {
            path: 'imports',
            name: 'imports',
            component: () => import('../features/imports/ImportPage.vue'),
          },
          {
            path: 'months',
            name: 'months',
            component: () => import('../features/months/MonthsPage.vue'),
          },
          {
            path: 'bulletin',
            name: 'bulletin',
            component: () => import('../features/bulletin/BulletinPage.vue'),
          },
        ],
      },
      { path: '/:pathMatch(.*)*', redirect: HOME_PATH },
    ],
  });

  router.beforeEach((to) => {
    const auth = useAuthStore();
    const loggedIn = auth.isAuthenticated();
    if (!to.meta.public && !loggedIn) {
      if (auth.session) auth.logout();
      return { name: 'login', query: to.fullPath === HOME_PATH ? {} : { redirect: to.fullPath } };
    }
    if (to.name === 'login' && loggedIn) return HOME_PATH;
    return true;
  });

  return router;
}
