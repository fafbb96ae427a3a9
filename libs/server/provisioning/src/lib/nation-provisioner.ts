import { Injectable } from '@nestjs/common';
import { NATION_CODE, loadNationDivisions } from './divisions';
import { TreeProvisioner, type TreeSetupSummary } from './tree-provisioner';

export interface NationSetup {
  adminUsername: string;
  adminPassword: string;
  now?: Date;
}

/**
 * Prepares an empty database for the national centre (`scorecard init --nation`): the root
 * `000000 全国` with every province, city and county under it, the scheme, the national
 * administrator and the ended months. A database that serves one province is refused.
 */
@Injectable()
export class NationProvisioner {
  constructor(private readonly tree: TreeProvisioner) {}

  setUp(setup: NationSetup): Promise<TreeSetupSummary> {
    return this.tree.setUp({
      divisions: loadNationDivisions(),
      conflictsWith: (agency) => agency.parentCode === null && agency.code !== NATION_CODE,
      admin: {
        username: setup.adminUsername,
        password: setup.adminPassword,
        role: 'national_admin',
        displayName: '国家医保经办管理员',
      },
      action: 'nation.init',
      now: setup.now ?? new Date(),
    });
  }
}
