import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadConfig } from '@scorecard/server-config';
import { runMigrations } from '@scorecard/server-database';
import {
  NationProvisioner,
  ProvinceProvisioner,
  ProvisioningError,
} from '@scorecard/server-provisioning';
import { CliModule } from './cli.module';

const USAGE = `Usage: scorecard init --province <code> --admin <username>
       scorecard init --nation --admin <username>

  init   Prepares the database for one province's centre: migrations, the province's cities and
         counties, this year's default scheme, the province administrator (password from
         SCORECARD_ADMIN_PASSWORD) and the month that has ended. Running it again changes nothing
         that exists.
         With --nation, the whole country instead: every province, city and county under the
         root 000000 全国, and the national administrator.`;

/** The operator's commands (`npm run scorecard -- init …`). */
async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      province: { type: 'string' },
      nation: { type: 'boolean' },
      admin: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [command] = positionals;
  if (values.help || command !== 'init' || positionals.length !== 1) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  if (values.nation && values.province)
    throw new ProvisioningError('init takes either --province <code> or --nation, not both');
  if ((!values.province && !values.nation) || !values.admin)
    throw new ProvisioningError('init needs --province <code> and --admin <username>');
  const password = process.env['SCORECARD_ADMIN_PASSWORD'];
  if (!password)
    throw new ProvisioningError(
      "Set SCORECARD_ADMIN_PASSWORD to the administrator's initial password",
    );

  const context = await NestFactory.createApplicationContext(CliModule.forRoot(loadConfig()), {
    logger: ['error', 'warn'],
  });
  try {
    await runMigrations(context.get(DataSource));
    const admin = { adminUsername: values.admin, adminPassword: password };
    const summary = values.nation
      ? await context.get(NationProvisioner).setUp(admin)
      : await context
          .get(ProvinceProvisioner)
          .setUp({ province: values.province as string, ...admin })
          .then(({ province, ...rest }) => ({ root: province, ...rest }));
    console.log(
      [
        `${summary.root.name} (${summary.root.code}) is ready.`,
        `  agencies added: ${summary.agenciesAdded}`,
        `  scheme added: ${summary.schemeAdded ?? 'none (one is in force)'}`,
        `  administrator ${values.admin}: ${summary.adminCreated ? 'created' : 'already there (password unchanged)'}`,
        `  months opened: ${summary.monthsOpened.length > 0 ? summary.monthsOpened.join(', ') : 'none (already there)'}`,
      ].join('\n'),
    );
    return 0;
  } finally {
    await context.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // An operator reads one sentence, not a stack trace, for what they can fix.
    console.error(
      error instanceof ProvisioningError || error instanceof TypeError ? error.message : error,
    );
    process.exit(1);
  },
);
