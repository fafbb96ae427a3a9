import { Injectable } from '@nestjs/common';
import { loadProvinceDivisions, provinceCodeOf } from './divisions';
import { ProvisioningError, TreeProvisioner, type TreeSetupSummary } from './tree-provisioner';

export interface ProvinceSetup {
  /** `33` or `330000`. */
  province: string;
  adminUsername: string;
  adminPassword: string;
  now?: Date;
}

export interface ProvinceSetupSummary extends Omit<TreeSetupSummary, 'root'> {
  province: { code: string; name: string };
}

/**
 * Prepares an empty database for one province's centre (`scorecard init --province`): the
 * province's cities and counties, the scheme, the province administrator and the ended months.
 * A database that serves another province, or the whole country, is refused.
 */
@Injectable()
export class ProvinceProvisioner {
  constructor(private readonly tree: TreeProvisioner) {}

  async setUp(setup: ProvinceSetup): Promise<ProvinceSetupSummary> {
    const provinceCode = provinceCodeOf(setup.province);
    if (!provinceCode)
      throw new ProvisioningError(
        `"${setup.province}" is not a province code such as 33 or 330000`,
      );
    const divisions = (() => {
      try {
        return loadProvinceDivisions(provinceCode);
      } catch {
        throw new ProvisioningError(`No province has the code ${setup.province}`);
      }
    })();
    const root = divisions[0];
    const { root: province, ...summary } = await this.tree.setUp({
      divisions,
      conflictsWith: (agency) =>
        (agency.level === 'province' && agency.code !== root.code) || agency.level === 'nation',
      admin: {
        username: setup.adminUsername,
        password: setup.adminPassword,
        role: 'province_admin',
        displayName: `${root.name}医保经办管理员`,
      },
      action: 'province.init',
      now: setup.now ?? new Date(),
    });
    return { province, ...summary };
  }
}
