import type { LoginResponse } from '@scorecard/contracts';
import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { ApiError } from '../../shared/http';
import { testPlugins } from '../../testing/plugins';
import { SESSION_STORAGE_KEY } from './session';

vi.mock('./auth.api', () => ({ login: vi.fn() }));

const authApi = await import('./auth.api');
const LoginPage = (await import('./LoginPage.vue')).default;
const { useAuthStore } = await import('./useAuthStore');

const RESPONSE: LoginResponse = {
  accessToken: 'jwt-token',
  refreshToken: 'refresh-token',
  expiresIn: 3600,
  user: {
    username: 'admin',
    role: 'province_admin',
    agencyCode: '330000',
    displayName: '省中心管理员',
    mustChangePassword: false,
  },
};

async function mountLogin(query: Record<string, string> = {}) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', name: 'login', component: LoginPage },
      { path: '/rankings', name: 'rankings', component: defineComponent({ render: () => null }) },
    ],
  });
  await router.push({ path: '/login', query });
  const wrapper = mount(LoginPage, {
    global: { plugins: [...testPlugins().plugins, router] },
    attachTo: document.body,
  });
  await flushPromises();
  return { wrapper, router };
}

async function submit(
  wrapper: Awaited<ReturnType<typeof mountLogin>>['wrapper'],
  password: string,
) {
  await wrapper.get('input[data-testid="login-username"]').setValue('admin');
  await wrapper.get('input[data-testid="login-password"]').setValue(password);
  await wrapper.get('form').trigger('submit');
  await flushPromises();
}

beforeEach(() => {
  localStorage.clear();
});

describe('LoginPage', () => {
  it('shows a clear message on wrong credentials (401) and clears the password', async () => {
    vi.mocked(authApi.login).mockRejectedValue(new ApiError('http', 401, 'Invalid credentials'));
    const { wrapper, router } = await mountLogin();
    await submit(wrapper, 'wrong');
    expect(wrapper.get('[data-testid="login-error"]').text()).toContain('用户名或密码错误');
    expect(
      (wrapper.get('input[data-testid="login-password"]').element as HTMLInputElement).value,
    ).toBe('');
    expect(router.currentRoute.value.name).toBe('login');
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('explains the lock-out after too many attempts (429)', async () => {
    vi.mocked(authApi.login).mockRejectedValue(new ApiError('http', 429, 'Too Many Requests'));
    const { wrapper } = await mountLogin();
    await submit(wrapper, 'demo');
    expect(wrapper.get('[data-testid="login-error"]').text()).toContain('15 分钟');
  });

  it('stores the session and goes to the requested page', async () => {
    vi.mocked(authApi.login).mockResolvedValue(RESPONSE);
    const { wrapper, router } = await mountLogin({ redirect: '/rankings?level=county' });
    await submit(wrapper, 'demo');
    expect(authApi.login).toHaveBeenCalledWith({ username: 'admin', password: 'demo' });
    expect(router.currentRoute.value.fullPath).toBe('/rankings?level=county');
    const auth = useAuthStore();
    expect(auth.currentToken()).toBe('jwt-token');
    expect(auth.user?.displayName).toBe('省中心管理员');
    expect(JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? '{}')).toMatchObject({
      accessToken: 'jwt-token',
    });
  });

  it('does not call the API with empty fields', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined); // async-validator's dev notes
    const { wrapper } = await mountLogin();
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(authApi.login).not.toHaveBeenCalled();
    expect(wrapper.findAll('.el-form-item.is-error')).toHaveLength(2);
  });

  it('has the test hooks the browser tests use', async () => {
    const { wrapper } = await mountLogin();
    expect(wrapper.find('input[data-testid="login-username"]').exists()).toBe(true);
    expect(wrapper.find('input[data-testid="login-password"]').attributes('type')).toBe('password');
    expect(wrapper.find('button[data-testid="login-submit"]').attributes('type')).toBe('submit');
  });
});
