import { createRouter, createWebHistory, type Router, type RouterHistory } from 'vue-router';
import { appConfig } from '../config';
import type { Permission } from '@scorecard/access';
import { homeRouteFor, mayOpen, PAGE_PERMISSION } from '../features/auth/home';
import { HOME_PATH } from '../features/auth/redirect';
import { useAuthStore } from '../features/auth/useAuthStore';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without logging in. */
    public?: boolean;
    /** What the user must hold to open the page; without it the guard sends them home. */
    permission?: Permission;
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
        // Outside the layout: until an initial password is changed, nothing else is open.
        path: '/password',
        name: 'set-password',
        component: () => import('../features/auth/PasswordChangePage.vue'),
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
            // The table is asked for first, then the layout's and the page's code load while it
            // comes (the few lines asking load on their own, the other pages' code left as it was).
            beforeEnter: async (to) => {
              const user = useAuthStore().user;
              await import('../features/rankings/rankings-prefetch').then(
                (early) => early.prefetchRankingsFor(to.query, user),
                // Not asked ahead: the page asks.
                () => undefined,
              );
            },
          },
          {
            path: 'overview',
            name: 'overview',
            component: () => import('../features/overview/OverviewPage.vue'),
            meta: { permission: PAGE_PERMISSION.overview },
          },
          {
            path: 'review',
            name: 'review',
            component: () => import('../features/review/CityReviewPage.vue'),
            meta: { permission: PAGE_PERMISSION.review },
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
            // The year's honour roll (荣誉榜), for everyone; loaded only when opened.
            path: 'honours',
            name: 'honours',
            component: () => import('../features/honours/HonoursPage.vue'),
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
            meta: { permission: PAGE_PERMISSION.entry },
          },
          {
            path: 'imports',
            name: 'imports',
            component: () => import('../features/imports/ImportPage.vue'),
            meta: { permission: PAGE_PERMISSION.imports },
          },
          {
            path: 'months',
            name: 'months',
            component: () => import('../features/months/MonthsPage.vue'),
            meta: { permission: PAGE_PERMISSION.months },
          },
          {
            path: 'users',
            name: 'users',
            component: () => import('../features/users/UsersPage.vue'),
            meta: { permission: PAGE_PERMISSION.users },
          },
          {
            path: 'queues',
            name: 'queues',
            component: () => import('../features/operations/QueuesPage.vue'),
            meta: { permission: PAGE_PERMISSION.queues },
          },
          {
            path: 'calendar',
            name: 'calendar',
            component: () => import('../features/calendar/CalendarPage.vue'),
            meta: { permission: PAGE_PERMISSION.calendar },
          },
          {
            // Loaded only when opened: the editor and its preview chart stay out of the first bundle.
            path: 'scheme',
            name: 'scheme',
            component: () => import('../features/scheme/SchemePage.vue'),
            meta: { permission: PAGE_PERMISSION.scheme },
          },
          {
            path: 'bulletin',
            name: 'bulletin',
            component: () => import('../features/bulletin/BulletinPage.vue'),
          },
          {
            path: 'rectifications',
            name: 'rectifications',
            component: () => import('../features/rectifications/RectificationsPage.vue'),
            meta: { permission: PAGE_PERMISSION.rectifications },
          },
          {
            path: 'appeals',
            name: 'appeals',
            component: () => import('../features/appeals/AppealsPage.vue'),
            meta: { permission: PAGE_PERMISSION.appeals },
          },
          {
            // The printable feedback sheet (反馈单) of a published month; its texts load with it.
            path: 'feedback/:code',
            name: 'feedback',
            component: () => import('../features/feedback/FeedbackPage.vue'),
          },
          {
            path: 'bad-reviews',
            name: 'bad-reviews',
            component: () => import('../features/bad-reviews/BadReviewsPage.vue'),
            meta: { permission: PAGE_PERMISSION.badReviews },
          },
        ],
      },
      { path: '/:pathMatch(.*)*', redirect: HOME_PATH },
    ],
  });

  router.beforeEach((to) => {
    const auth = useAuthStore();
    // While the password is asked for again in place, the page stays and may still update its URL.
    const loggedIn = auth.isAuthenticated() || auth.reloginOpen;
    if (!to.meta.public && !loggedIn) {
      if (auth.session) auth.logout();
      return { name: 'login', query: to.fullPath === HOME_PATH ? {} : { redirect: to.fullPath } };
    }
    if (to.name === 'login' && loggedIn) return HOME_PATH;
    // An initial password an administrator gave must be replaced before anything else opens;
    // then the user starts at their home, as after any login.
    if (loggedIn && auth.mustChangePassword && to.name !== 'set-password') {
      return { name: 'set-password' };
    }
    // Decided before the page loads, so a forbidden page never shows, not even for a moment.
    if (loggedIn && !to.meta.public && !mayOpen(auth.user, to.meta.permission)) {
      return homeRouteFor(auth.user);
    }
    return true;
  });

  return router;
}
